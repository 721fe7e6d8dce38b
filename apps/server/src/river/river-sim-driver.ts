import type { City, RiverNetwork } from '@cbo/city';
import type { PollutionEvent } from '@cbo/contracts';
import { createRiverSim, districtRainAreas, type RiverSimBatch } from '@cbo/sim';
import type { TrafficPipeline } from '../pipeline/traffic-pipeline';
import type { RiverService } from './river-service';

/** Options of {@link attachRiverSimDriver}. */
export interface RiverSimDriverOptions {
  pipeline: Pick<TrafficPipeline, 'clock' | 'beforeTick'>;
  service: RiverService;
  network: RiverNetwork;
  city: Pick<City, 'document' | 'districtIds' | 'locateDistrict'>;
  seed: number;
  utcOffsetMinutes: number;
  /** Where the simulated history starts (today's local midnight): the hydrographs are filled from there. */
  backfillFrom: number;
  /** The source name of simulated readings. */
  source: string;
}

function applyBatch(
  service: RiverService,
  network: RiverNetwork,
  batch: RiverSimBatch,
  source: string,
): void {
  service.ingest(
    {
      levels: batch.levels.map((r, index) => ({
        index,
        gaugeIndex: network.gaugeIndexById.get(r.gaugeId)!,
        at: r.observedAt,
        levelM: r.levelM,
        flowM3s: r.flowM3s ?? null,
      })),
      quality: batch.quality.map((q, index) => ({
        index,
        stationIndex: network.stationIndexById.get(q.stationId)!,
        at: q.observedAt,
        values: {
          doMgL: q.doMgL,
          codMnMgL: q.codMnMgL,
          nh3nMgL: q.nh3nMgL,
          tpMgL: q.tpMgL,
          ...(q.ph === undefined ? {} : { ph: q.ph }),
          ...(q.turbidityNtu === undefined ? {} : { turbidityNtu: q.turbidityNtu }),
        },
      })),
      rejected: [],
    },
    source,
  );
  const events: PollutionEvent[] = batch.events.map((e) => ({ ...e, source }));
  if (events.length > 0) service.addEvents(events);
}

/**
 * Runs the river simulator in process on the pipeline's clock: at start it fills today's hydrographs and
 * events from local midnight (the simulator's output does not depend on the step, so this is the same day
 * the live run continues); then before every tick it advances to the tick time. The rain field also feeds
 * `rainByDistrict` of the river indices.
 */
export function attachRiverSimDriver(options: RiverSimDriverOptions): { backfilledReadings: number } {
  const { pipeline, service, network, city, seed, utcOffsetMinutes, backfillFrom, source } = options;
  const sim = createRiverSim(network, { seed, utcOffsetMinutes }, backfillFrom);
  const first = sim.advance(pipeline.clock.now());
  applyBatch(service, network, first, source);
  service.events.takeNew(); // the day so far is history, not news for the screens
  const areas = districtRainAreas(city);
  service.setRain((at) => {
    const values = sim.rain.areaIntensitiesMmPerH(areas, at);
    return areas.map((area, i) => ({
      districtId: area.id,
      rainMmPerH: Math.round((values[i] ?? 0) * 10) / 10,
    }));
  });
  pipeline.beforeTick((at) => applyBatch(service, network, sim.advance(at), source));
  return { backfilledReadings: first.levels.length + first.quality.length };
}
