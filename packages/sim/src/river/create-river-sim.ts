import type { RiverNetwork } from '@cbo/city';
import type { GaugeReading, LngLat, PollutionEvent, WaterQualityReading } from '@cbo/contracts';
import { triangular1, uniform4 } from '../hash';
import { flowAtM3s, gaugeResponse, levelForFlowM, RESPONSE_SLOT_MS } from './gauge-response';
import type { GaugeResponse } from './gauge-response';
import { cameraEventsInSlot } from './pollution-events';
import { createRainField } from './rain-field';
import type { RainField } from './rain-field';
import type { RainStorm } from './rain-storms';
import {
  diurnalOxygenFactor,
  FIRST_FLUSH_GAIN,
  firstFlushLoadMm,
  stationBaseline,
} from './water-quality-model';
import type { StationBaseline } from './water-quality-model';

/** Options of {@link createRiverSim}. */
export interface RiverSimOptions {
  seed: number;
  /** Each gauge reports once per this period, ms. @default 300_000 */
  gaugeReportEveryMs?: number;
  /** Each water-quality station samples once per this period, ms. @default 3_600_000 */
  stationReportEveryMs?: number;
  /** Offset of local time from UTC, minutes. @default 480 (Asia/Shanghai) */
  utcOffsetMinutes?: number;
  /** Mean generated storms per day. @default 0.4 */
  stormsPerDay?: number;
  /** Storms added to the generated ones. */
  storms?: readonly RainStorm[];
  /** Multiplies every pollution event rate. @default 1 */
  eventRateScale?: number;
}

/** Output of one {@link RiverSim.advance}: everything observed in (previous now, now], each in time order. */
export interface RiverSimBatch {
  levels: GaugeReading[];
  quality: WaterQualityReading[];
  events: PollutionEvent[];
}

/** Model water-quality values of a station (no measurement noise), mg/L. */
export interface ModelQuality {
  doMgL: number;
  codMnMgL: number;
  nh3nMgL: number;
  tpMgL: number;
  firstFlushLoadMm: number;
}

/** A running river simulator. */
export interface RiverSim {
  /** Readings and events with times in (previous now, now]; independent of the step size. */
  advance(now: number): RiverSimBatch;
  /** Model level of gauge `gaugeIndex` at `at`, metres (no noise). */
  levelAt(gaugeIndex: number, at: number): number;
  /** Model discharge at gauge `gaugeIndex`, m³/s. */
  flowAt(gaugeIndex: number, at: number): number;
  /** Model water quality of station `stationIndex` at `at`. */
  qualityAt(stationIndex: number, at: number): ModelQuality;
  /** The rain field driving the model (also for rain per district on the traffic side). */
  readonly rain: RainField;
}

const STREAM_PHASE = 0x8c01;
const STREAM_LEVEL_NOISE = 0x8c02;
const STREAM_QUALITY_NOISE = 0x8c03;
const HOUR_MS = 3_600_000;
const SLOT_CACHE_SIZE = 2_048;
const round = (v: number, decimals: number): number => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Report times `k·P + phase` in (from, to]. */
function reportTimes(from: number, to: number, periodMs: number, phaseMs: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor((from - phaseMs) / periodMs) + 1; k * periodMs + phaseMs <= to; k += 1) {
    out.push(k * periodMs + phaseMs);
  }
  return out;
}

/**
 * Creates a deterministic river simulator over `network`, its clock starting at `startAt`. Every reading is a
 * pure function of (seed, entity, time), so any step size gives the same output (docs/indices.md, section 3.6).
 *
 * @throws RangeError on a non-integer seed or a non-positive report period
 */
export function createRiverSim(network: RiverNetwork, options: RiverSimOptions, startAt: number): RiverSim {
  const { seed } = options;
  const gaugeEvery = options.gaugeReportEveryMs ?? 300_000;
  const stationEvery = options.stationReportEveryMs ?? HOUR_MS;
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 480;
  const scale = options.eventRateScale ?? 1;
  for (const [name, v] of [
    ['gaugeReportEveryMs', gaugeEvery],
    ['stationReportEveryMs', stationEvery],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  }
  if (!(scale >= 0)) throw new RangeError(`eventRateScale must be >= 0, got ${scale}`);
  const rain = createRainField({ seed, stormsPerDay: options.stormsPerDay, storms: options.storms });
  const lakeWaterIds = new Set(network.stations.filter((s) => s.isLake).map((s) => s.waterId));
  const responses: GaugeResponse[] = network.gauges.map((g) => gaugeResponse(g, lakeWaterIds.has(g.waterId)));
  const baselines: StationBaseline[] = network.stations.map((s, i) =>
    stationBaseline(seed, i, s.targetClass, s.isLake),
  );
  const sites: LngLat[] = [
    ...network.gauges.map((g) => g.position),
    ...network.stations.map((s) => s.position),
  ];
  const gaugePhase = network.gauges.map((_, i) => Math.floor(uniform4(seed, STREAM_PHASE, i) * gaugeEvery));
  const stationPhase = network.stations.map((_, i) =>
    Math.floor(uniform4(seed, STREAM_PHASE + 1, i) * stationEvery),
  );
  const slotCache = new Map<number, Float32Array>();

  /** Rain at every site in a slot (at its midpoint), mm/h, cached. */
  function slotRain(slot: number): Float32Array {
    let values = slotCache.get(slot);
    if (!values) {
      const at = slot * RESPONSE_SLOT_MS + RESPONSE_SLOT_MS / 2;
      const storms = rain.stormsActiveAt(at);
      values = new Float32Array(sites.length);
      if (storms.length > 0) values = Float32Array.from(sites, (p) => rain.intensityMmPerHAt(p, at));
      if (slotCache.size >= SLOT_CACHE_SIZE) slotCache.delete(slotCache.keys().next().value!);
      slotCache.set(slot, values);
    }
    return values;
  }
  const siteRain = (site: number) => (slot: number) => slotRain(slot)[site] as number;

  const flowAt = (g: number, at: number): number => flowAtM3s(responses[g] as GaugeResponse, at, siteRain(g));
  const levelAt = (g: number, at: number): number =>
    levelForFlowM(responses[g] as GaugeResponse, flowAt(g, at));

  function qualityAt(s: number, at: number): ModelQuality {
    const base = baselines[s] as StationBaseline;
    const load = firstFlushLoadMm(at, siteRain(network.gauges.length + s));
    const localHour = (((at / HOUR_MS + utcOffsetMinutes / 60) % 24) + 24) % 24;
    const doDrop = Math.min(3, FIRST_FLUSH_GAIN.doDropPerMm * load);
    return {
      doMgL: Math.max(0.2, base.doMeanMgL + base.doAmplitudeMgL * diurnalOxygenFactor(localHour) - doDrop),
      codMnMgL: base.codMnMgL * (1 + FIRST_FLUSH_GAIN.codMn * load),
      nh3nMgL: base.nh3nMgL * (1 + FIRST_FLUSH_GAIN.nh3n * load),
      tpMgL: base.tpMgL * (1 + FIRST_FLUSH_GAIN.tp * load),
      firstFlushLoadMm: load,
    };
  }

  let previousNow = startAt;
  function advance(now: number): RiverSimBatch {
    const batch: RiverSimBatch = { levels: [], quality: [], events: [] };
    if (now <= previousNow) return batch;
    const from = previousNow;
    previousNow = now;
    network.gauges.forEach((gauge, g) => {
      for (const at of reportTimes(from, now, gaugeEvery, gaugePhase[g] as number)) {
        const flowM3s = flowAt(g, at);
        const noise = 0.004 * triangular1(seed, STREAM_LEVEL_NOISE, g, Math.floor(at / 1000));
        const levelM = round(levelForFlowM(responses[g] as GaugeResponse, flowM3s) + noise, 2);
        batch.levels.push({
          gaugeId: gauge.id,
          observedAt: at,
          levelM,
          flowM3s: round(flowM3s, 2),
          source: 'sim',
        });
      }
    });
    network.stations.forEach((station, s) => {
      for (const at of reportTimes(from, now, stationEvery, stationPhase[s] as number)) {
        const q = qualityAt(s, at);
        const z = (k: number): number =>
          1 + 0.03 * triangular1(seed, STREAM_QUALITY_NOISE + k, s, Math.floor(at / 1000));
        const localHour = (((at / HOUR_MS + utcOffsetMinutes / 60) % 24) + 24) % 24;
        batch.quality.push({
          stationId: station.id,
          observedAt: at,
          doMgL: round(q.doMgL * z(0), 2),
          codMnMgL: round(q.codMnMgL * z(1), 2),
          nh3nMgL: round(q.nh3nMgL * z(2), 3),
          tpMgL: round(q.tpMgL * z(3), 3),
          ph: round(7.3 + 0.25 * diurnalOxygenFactor(localHour), 2),
          turbidityNtu: round(8 + 3 * q.firstFlushLoadMm, 1),
          source: 'sim',
        });
      }
    });
    for (let slot = Math.floor(from / HOUR_MS); slot <= Math.floor(now / HOUR_MS); slot += 1) {
      network.cameras.forEach((camera, c) => {
        for (const e of cameraEventsInSlot(seed, camera, c, slot, utcOffsetMinutes, scale)) {
          if (e.observedAt > from && e.observedAt <= now) batch.events.push(e);
        }
      });
    }
    batch.levels.sort((a, b) => a.observedAt - b.observedAt);
    batch.quality.sort((a, b) => a.observedAt - b.observedAt);
    batch.events.sort((a, b) => a.observedAt - b.observedAt);
    return batch;
  }

  return { advance, levelAt, flowAt, qualityAt, rain };
}
