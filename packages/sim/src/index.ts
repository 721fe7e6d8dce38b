export { createTrafficSim } from './create-traffic-sim';
export type { TrafficSim, TrafficSimOptions } from './create-traffic-sim';
export type { SimIncident } from './incidents';
export { SPILL_HOP_EVERY_MS, MAX_SPILL_HOPS, SPILL_DECAY } from './incidents';
export { demandRatio } from './demand-profile';
export { localTime, localDayStart, DAY_MS } from './local-time';
export type { LocalTime } from './local-time';
export {
  createCameraEventSim,
  CAMERA_WINDOW_MS,
  STOPPED_VEHICLE_SHARE,
} from './events/create-camera-event-sim';
export type { CameraEventSim, CameraEventSimOptions } from './events/create-camera-event-sim';
export { createRiverSim } from './river/create-river-sim';
export type { RiverSim, RiverSimOptions, RiverSimBatch, ModelQuality } from './river/create-river-sim';
export { createRainField } from './river/rain-field';
export type { RainField, RainFieldOptions, RainArea } from './river/rain-field';
export { stormsForDay, stormIntensityMmPerH, DEFAULT_STORMS_PER_DAY } from './river/rain-storms';
export type { RainStorm, RainCell } from './river/rain-storms';
export { districtRainAreas } from './river/district-rain-areas';
export {
  gaugeResponse,
  levelForFlowM,
  RESPONSE_SLOT_MS,
  RUNOFF_COEFFICIENT,
  DESIGN_RAIN_MM_PER_H,
} from './river/gauge-response';
export type { GaugeResponse } from './river/gauge-response';
export { EVENTS_PER_CAMERA_PER_DAY } from './river/pollution-events';
export { diurnalOxygenFactor, TYPICAL_QUALITY } from './river/water-quality-model';
export { rainSpeedFactor, districtRainSpeedFactor, RAIN_SLOT_MS } from './river/rain-speed-factor';
export { createBikeSim } from './bikes/create-bike-sim';
export type { BikeSim, BikeSimOptions, BikeSimVehicles, BikeSimStationStatus } from './bikes/create-bike-sim';
export { officeShare, leisureShare, stationFillShare, isRebalancing } from './bikes/bike-tide';
export {
  buildSimGbfsDocument,
  simGbfsSystems,
  simGbfsFiles,
  rfc3339,
  SIM_PUBLIC_SYSTEM_ID,
  SIM_GBFS_TTL_S,
} from './bikes/sim-gbfs-feed';
export type { SimGbfsRequest } from './bikes/sim-gbfs-feed';
