import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildCity } from '@cbo/city';
import type { City, CityFixture } from '@cbo/city';
import type { SuspectedIncident } from '@cbo/contracts';
import { applyObservation, createIncidentDetector, createSegmentState, observe } from '@cbo/indices';
import type { IncidentDetectorOptions } from '@cbo/indices';
import { MAX_SPILL_HOPS, createTrafficSim } from '@cbo/sim';
import type { SimIncident } from '@cbo/sim';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Local midnights (UTC+8) of Wednesday 2026-12-02 and Saturday 2026-12-05. */
const DAYS = [
  { label: 'weekday', dayStart: Date.UTC(2026, 11, 1, 16) },
  { label: 'weekend', dayStart: Date.UTC(2026, 11, 4, 16) },
];
const SEEDS = [1, 2, 3];
/** The detector warms up its baselines on the evening before the evaluated day. */
const WARM_UP_MS = 3 * 3_600_000;
/** An incident counts as detected when raised on its segment within this time of its start. */
const DETECT_WITHIN_MS = 5 * MINUTE_MS;
/** An alarm explained by an incident may come up to this long after the incident ends. */
const MATCH_AFTER_END_MS = 15 * MINUTE_MS;

/** Reads the Hangzhou fixture and builds the city. */
export function loadHangzhou(): City {
  const dir = new URL('../fixtures/hangzhou/', import.meta.url);
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
  const fixture = {
    meta: read('city.json'),
    districts: read('districts.geojson'),
    water: read('water.geojson'),
    roads: read('roads.geojson'),
  } as CityFixture;
  return buildCity(fixture);
}

interface DayResult {
  incidents: number;
  detectedWithin5: number;
  detectedEver: number;
  latenciesMs: number[];
  alarms: number;
  falseAlarms: number;
}

/** Segments an incident slows: its own and up to MAX_SPILL_HOPS hops upstream. */
function affectedSegments(city: City, segmentIndex: number): Set<number> {
  const seen = new Set([segmentIndex]);
  let frontier = [segmentIndex];
  for (let hop = 1; hop <= MAX_SPILL_HOPS; hop += 1) {
    const next: number[] = [];
    for (const s of frontier) {
      for (const u of city.upstream[s]!) {
        if (!seen.has(u)) {
          seen.add(u);
          next.push(u);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** Simulates one day at 1-minute ticks and scores the detector against the simulator's incidents. */
function runDay(city: City, seed: number, dayStart: number, options?: IncidentDetectorOptions): DayResult {
  const from = dayStart - WARM_UP_MS;
  const until = dayStart + DAY_MS + 10 * MINUTE_MS;
  const sim = createTrafficSim(city, { seed }, from);
  const state = createSegmentState(city.segmentCount);
  const detector = createIncidentDetector(city, options);
  const truth = new Map<string, SimIncident>();
  const alarms: SuspectedIncident[] = [];
  for (let t = from + MINUTE_MS; t <= until; t += MINUTE_MS) {
    for (const o of sim.advance(t)) {
      applyObservation(state, city.segmentIndexById.get(o.segmentId)!, o.observedAt, o.speedKmh, o.flowVph);
    }
    for (const incident of sim.incidentsActiveAt(t)) truth.set(incident.id, incident);
    const { raised } = observe(detector, state, t);
    for (const alarm of raised)
      if (alarm.raisedAt >= dayStart && alarm.raisedAt < dayStart + DAY_MS) alarms.push(alarm);
  }
  const all = [...truth.values()];
  const evaluated = all.filter((i) => i.startAt >= dayStart && i.startAt < dayStart + DAY_MS);
  const affected = new Map(all.map((i) => [i.id, affectedSegments(city, i.segmentIndex)]));
  const result: DayResult = {
    incidents: evaluated.length,
    detectedWithin5: 0,
    detectedEver: 0,
    latenciesMs: [],
    alarms: alarms.length,
    falseAlarms: 0,
  };
  for (const incident of evaluated) {
    const hits = alarms.filter(
      (a) =>
        a.segmentIndex === incident.segmentIndex &&
        a.raisedAt >= incident.startAt &&
        a.raisedAt < incident.endAt,
    );
    if (hits.length === 0) continue;
    result.detectedEver += 1;
    const latency = Math.min(...hits.map((a) => a.raisedAt - incident.startAt));
    result.latenciesMs.push(latency);
    if (latency <= DETECT_WITHIN_MS) result.detectedWithin5 += 1;
  }
  for (const alarm of alarms) {
    const explained = all.some(
      (i) =>
        affected.get(i.id)!.has(alarm.segmentIndex) &&
        alarm.raisedAt >= i.startAt &&
        alarm.raisedAt <= i.endAt + MATCH_AFTER_END_MS,
    );
    if (!explained) result.falseAlarms += 1;
  }
  return result;
}

/**
 * Detection rate within 5 minutes and false alarms per day of the speed-drop detector on simulated Hangzhou
 * days (seeds 1-3, a Wednesday and a Saturday), at 1-minute ticks, against the simulator's ground truth.
 */
export async function runIncidentDetectionBench(
  options?: IncidentDetectorOptions,
): Promise<Record<string, number | string>> {
  const started = performance.now();
  const city = loadHangzhou();
  const totals: DayResult = {
    incidents: 0,
    detectedWithin5: 0,
    detectedEver: 0,
    latenciesMs: [],
    alarms: 0,
    falseAlarms: 0,
  };
  const byKind: Record<string, { incidents: number; detected: number; falseAlarms: number; days: number }> =
    {};
  for (const seed of SEEDS) {
    for (const { label, dayStart } of DAYS) {
      const day = runDay(city, seed, dayStart, options);
      totals.incidents += day.incidents;
      totals.detectedWithin5 += day.detectedWithin5;
      totals.detectedEver += day.detectedEver;
      totals.latenciesMs.push(...day.latenciesMs);
      totals.alarms += day.alarms;
      totals.falseAlarms += day.falseAlarms;
      const kind = (byKind[label] ??= { incidents: 0, detected: 0, falseAlarms: 0, days: 0 });
      kind.incidents += day.incidents;
      kind.detected += day.detectedWithin5;
      kind.falseAlarms += day.falseAlarms;
      kind.days += 1;
    }
  }
  const days = SEEDS.length * DAYS.length;
  const latencies = totals.latenciesMs.sort((a, b) => a - b);
  const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
  return {
    segments: city.segmentCount,
    days,
    incidents: totals.incidents,
    detectionRateWithin5Min: round(totals.detectedWithin5 / Math.max(1, totals.incidents), 4),
    detectionRateEver: round(totals.detectedEver / Math.max(1, totals.incidents), 4),
    medianLatencyMin: latencies.length > 0 ? round(latencies[latencies.length >> 1]! / MINUTE_MS, 2) : 'n/a',
    alarmsPerDay: round(totals.alarms / days, 2),
    falseAlarmsPerDay: round(totals.falseAlarms / days, 2),
    weekdayDetectionRate: round(byKind.weekday!.detected / Math.max(1, byKind.weekday!.incidents), 4),
    weekdayFalseAlarmsPerDay: round(byKind.weekday!.falseAlarms / byKind.weekday!.days, 2),
    weekendDetectionRate: round(byKind.weekend!.detected / Math.max(1, byKind.weekend!.incidents), 4),
    weekendFalseAlarmsPerDay: round(byKind.weekend!.falseAlarms / byKind.weekend!.days, 2),
    seconds: round((performance.now() - started) / 1000, 1),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runIncidentDetectionBench();
  for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key}: ${value}\n`);
}
