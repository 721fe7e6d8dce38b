export { createTrafficSim } from './create-traffic-sim';
export type { TrafficSim, TrafficSimOptions } from './create-traffic-sim';
export type { SimIncident } from './incidents';
export { SPILL_HOP_EVERY_MS, MAX_SPILL_HOPS, SPILL_DECAY } from './incidents';
export { demandRatio } from './demand-profile';
export { localTime, localDayStart, DAY_MS } from './local-time';
export type { LocalTime } from './local-time';
