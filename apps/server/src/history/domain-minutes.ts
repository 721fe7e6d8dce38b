import type {
  BikeDayPeaks,
  BikeMinuteCounts,
  BikesMinute,
  BikesNow,
  RiverDayPeaks,
  RiverMinute,
  RiverNow,
  WarningColour,
} from '@cbo/contracts';
import { WARNING_COLOURS } from '@cbo/contracts';
import type { TickResult } from '../pipeline/traffic-pipeline';
import { DOMAIN_STREAM, type EventRecord } from './history-store';
import type { Recorder } from './recorder';

const MINUTE_MS = 60_000;

/** The compact water snapshot recorded once a minute. */
export function riverMinute(now: RiverNow, at: number): RiverMinute {
  return {
    at,
    gauges: now.gauges.map((g) => ({ gaugeId: g.gaugeId, levelM: g.levelM, colour: g.colour })),
    stations: now.stations.map((s) => ({ stationId: s.stationId, waterClass: s.waterClass })),
    gaugesByColour: { ...now.gaugesByColour },
    stationsByClass: [...now.stationsByClass],
    stationsUnknownClass: now.stationsUnknownClass,
    events24h: now.events24h,
  };
}

function counts(c: BikeMinuteCounts): BikeMinuteCounts {
  return {
    fleet: c.fleet,
    parked: c.parked,
    inUse: c.inUse,
    rideRate: c.rideRate,
    inNoParking: c.inNoParking,
    unpermitted: c.unpermitted,
  };
}

/** The compact bike snapshot recorded once a minute. */
export function bikesMinute(now: BikesNow, at: number): BikesMinute {
  return {
    at,
    network: counts(now.network),
    operators: now.operators.map((o) => ({ operatorId: o.operatorId, ...counts(o) })),
    saturatedZones: now.zones.filter((z) => z.state === 'saturated').length,
  };
}

/** Sources of {@link attachDomainRecorder}; each is absent when its plugin is not registered. */
export interface DomainSources {
  pipeline: { onTick(listener: (result: TickResult) => void): () => void };
  recorder: Pick<Recorder, 'recordEvent'>;
  /** The river indices at the tick's time (the river plugin's latest, computed again if older). */
  river?: ((at: number) => RiverNow) | undefined;
  bikes?: ((at: number) => BikesNow) | undefined;
}

/**
 * Records a river and a bike snapshot (events of stream `domain`, kinds `river` and `bikes`) on the first
 * pipeline tick of every minute of the server clock.
 * @returns a function that unsubscribes
 */
export function attachDomainRecorder({ pipeline, recorder, river, bikes }: DomainSources): () => void {
  if (!river && !bikes) return () => {};
  let lastMinute = Number.NaN;
  return pipeline.onTick((result) => {
    const at = result.now.computedAt;
    const minute = Math.floor(at / MINUTE_MS);
    if (minute === lastMinute) return;
    lastMinute = minute;
    if (river) recorder.recordEvent(DOMAIN_STREAM, 'river', at, riverMinute(river(at), at));
    if (bikes) recorder.recordEvent(DOMAIN_STREAM, 'bikes', at, bikesMinute(bikes(at), at));
  });
}

/** River peaks and bike violations of a day's domain snapshots; null for a domain without any. */
export function summariseDomains(events: readonly EventRecord[]): {
  river: RiverDayPeaks | null;
  bikes: BikeDayPeaks | null;
} {
  let river: RiverDayPeaks | null = null;
  let bikes: BikeDayPeaks | null = null;
  let worst = 0;
  for (const e of events) {
    if (e.kind === 'river') {
      const m = e.payload as RiverMinute;
      river ??= { worstColour: 'none', gaugesAtWorst: 0, worstWaterClass: null, pollutionEvents: 0 };
      for (let c = WARNING_COLOURS.length - 1; c >= 0; c--) {
        const n = m.gaugesByColour[WARNING_COLOURS[c] as WarningColour];
        if (n > 0 || c === 0) {
          if (c > worst || (c === worst && n > river.gaugesAtWorst)) {
            worst = c;
            river.worstColour = WARNING_COLOURS[c] as WarningColour;
            river.gaugesAtWorst = n;
          }
          break;
        }
      }
      for (const s of m.stations)
        if (s.waterClass !== null && s.waterClass > (river.worstWaterClass ?? 0))
          river.worstWaterClass = s.waterClass;
      river.pollutionEvents = m.events24h;
    } else if (e.kind === 'bikes') {
      const m = e.payload as BikesMinute;
      bikes ??= { peakInNoParking: 0, peakUnpermitted: 0, peakSaturatedZones: 0 };
      bikes.peakInNoParking = Math.max(bikes.peakInNoParking, m.network.inNoParking);
      bikes.peakUnpermitted = Math.max(bikes.peakUnpermitted, m.network.unpermitted);
      bikes.peakSaturatedZones = Math.max(bikes.peakSaturatedZones, m.saturatedZones);
    }
  }
  return { river, bikes };
}
