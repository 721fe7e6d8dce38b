import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  accumulateTick,
  applyObservation,
  createDayAccumulator,
  createSegmentState,
  createTtiForecaster,
  daySeries,
  forecastTti,
  learnDay,
} from '@cbo/indices';
import type { DaySeries, TtiForecasterOptions } from '@cbo/indices';
import { createTrafficSim } from '@cbo/sim';
import { loadHangzhou } from './incident-detection.bench';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const UTC_OFFSET_MINUTES = 480;
/** Local midnight starting Friday 2026-12-04 (UTC+8). */
const FIRST_DAY = Date.UTC(2026, 11, 3, 16);
/** Five days to learn from (Friday to Tuesday: weekdays and a weekend), then Wednesday to Saturday to test, each learnt after it is scored. */
const TRAIN_DAYS = 5;
const TEST_DAYS = 4;
const HORIZONS = [15, 30, 60] as const;
/** Forecasts are issued every this many minutes of a test day. */
const ISSUE_EVERY_MINUTES = 5;
const SEED = 1;

/** Simulates consecutive days at 1-minute ticks and returns each day's per-minute TTI series. */
function simulateDays(days: number): DaySeries[] {
  const city = loadHangzhou();
  const sim = createTrafficSim(
    city,
    { seed: SEED, utcOffsetMinutes: UTC_OFFSET_MINUTES },
    FIRST_DAY - 10 * MINUTE_MS,
  );
  const state = createSegmentState(city.segmentCount);
  const out: DaySeries[] = [];
  for (let d = 0; d < days; d += 1) {
    const dayStart = FIRST_DAY + d * DAY_MS;
    const acc = createDayAccumulator(city, dayStart, UTC_OFFSET_MINUTES);
    for (let t = dayStart; t < dayStart + DAY_MS; t += MINUTE_MS) {
      for (const o of sim.advance(t)) {
        applyObservation(state, city.segmentIndexById.get(o.segmentId)!, o.observedAt, o.speedKmh, o.flowVph);
      }
      accumulateTick(acc, state, t);
    }
    out.push(daySeries(acc));
  }
  return out;
}

interface ErrorSums {
  model: number[];
  persistence: number[];
  count: number[];
}

const newSums = (): ErrorSums => ({ model: [0, 0, 0], persistence: [0, 0, 0], count: [0, 0, 0] });

/**
 * Backtest of the TTI forecaster on a simulated Hangzhou run of nine days (seed 1): learn from five days, test on the
 * next Wednesday to Saturday (each test day is learnt after it is scored). MAPE per horizon for the network
 * and the mean over districts, against naive persistence (forecast = current TTI).
 */
export async function runForecastBench(
  options?: TtiForecasterOptions,
): Promise<Record<string, number | string>> {
  const started = performance.now();
  const days = simulateDays(TRAIN_DAYS + TEST_DAYS);
  const simulatedAt = performance.now();
  const forecaster = createTtiForecaster({ utcOffsetMinutes: UTC_OFFSET_MINUTES, ...options });
  for (let d = 0; d < TRAIN_DAYS; d += 1) learnDay(forecaster, days[d]!);
  const network = newSums();
  const districts = newSums();
  const networkPeak = newSums();
  for (let d = TRAIN_DAYS; d < TRAIN_DAYS + TEST_DAYS; d += 1) {
    const day = days[d]!;
    day.areaIds.forEach((areaId, a) => {
      const series = day.tti[a]!;
      for (let m = 0; m < 1440; m += ISSUE_EVERY_MINUTES) {
        const current = series[m]!;
        if (current !== current) continue;
        const forecast = forecastTti(forecaster, areaId, day.dayStart + m * MINUTE_MS, series, HORIZONS);
        HORIZONS.forEach((h, k) => {
          const actual = m + h < 1440 ? series[m + h]! : Number.NaN;
          const predicted = forecast.points[k]!.tti;
          if (actual !== actual || predicted === null) return;
          const targets = a === 0 ? [network] : [districts];
          const targetMinute = m + h;
          if (
            a === 0 &&
            ((targetMinute >= 420 && targetMinute < 540) || (targetMinute >= 1020 && targetMinute < 1140))
          ) {
            targets.push(networkPeak);
          }
          for (const sums of targets) {
            sums.model[k]! += Math.abs(predicted - actual) / actual;
            sums.persistence[k]! += Math.abs(current - actual) / actual;
            sums.count[k]! += 1;
          }
        });
      }
    });
    learnDay(forecaster, day);
  }
  const pct = (sum: number, count: number): number => Math.round((1000 * sum) / Math.max(1, count)) / 10;
  const figures: Record<string, number | string> = { trainDays: TRAIN_DAYS, testDays: TEST_DAYS };
  HORIZONS.forEach((h, k) => {
    figures[`networkMape${h}MinPct`] = pct(network.model[k]!, network.count[k]!);
    figures[`networkPersistenceMape${h}MinPct`] = pct(network.persistence[k]!, network.count[k]!);
    figures[`networkPeakMape${h}MinPct`] = pct(networkPeak.model[k]!, networkPeak.count[k]!);
    figures[`networkPeakPersistenceMape${h}MinPct`] = pct(networkPeak.persistence[k]!, networkPeak.count[k]!);
    figures[`districtMape${h}MinPct`] = pct(districts.model[k]!, districts.count[k]!);
    figures[`districtPersistenceMape${h}MinPct`] = pct(districts.persistence[k]!, districts.count[k]!);
  });
  figures.simulateSeconds = Math.round((simulatedAt - started) / 100) / 10;
  figures.seconds = Math.round((performance.now() - started) / 100) / 10;
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runForecastBench();
  for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key}: ${value}\n`);
}
