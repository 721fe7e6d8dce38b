import { runForecastBench } from './forecast.bench';
import { runIncidentDetectionBench } from './incident-detection.bench';

/** A row of the bench table. */
interface InsightRow {
  metric: string;
  value: string;
  goal: string;
  met: boolean | null;
}

/** Figures of the incident detector and the forecaster benches. */
export interface TrafficInsightFigures {
  detection: Record<string, number | string>;
  forecast: Record<string, number | string>;
}

const num = (value: number | string | undefined): number => (typeof value === 'number' ? value : Number.NaN);
const fixed = (value: number, digits: number): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Runs the incident-detection bench (six simulated days) and the forecast backtest (nine days). */
export async function measureTrafficInsights(): Promise<TrafficInsightFigures> {
  process.stdout.write('(d) incident detection on simulated days...\n');
  const detection = await runIncidentDetectionBench();
  process.stdout.write('(e) forecast backtest on a simulated week...\n');
  const forecast = await runForecastBench();
  return { detection, forecast };
}

/**
 * Rows of the main table: the headroom of the 50,000-segment tick (5,000 observations per 1 s tick; a tick
 * of t ms sustains 1000 / t of them per second), detection rate and false alarms, and the 30-minute MAPE.
 */
export function trafficInsightRows(figures: TrafficInsightFigures, cpuMsPerTickMean: number): InsightRow[] {
  const { detection, forecast } = figures;
  const headroom = 1000 / Math.max(cpuMsPerTickMean, 0.001);
  const rate = num(detection.detectionRateWithin5Min);
  const falseAlarms = num(detection.falseAlarmsPerDay);
  const mape30 = num(forecast.networkMape30MinPct);
  return [
    {
      metric: '(c) headroom: observations/s sustained / 5,000',
      value: `${fixed(headroom, 1)}x`,
      goal: '>= 1',
      met: headroom >= 1,
    },
    {
      metric: `(d) incidents detected within 5 min (${String(detection.incidents)} on ${String(detection.days)} days)`,
      value: `${fixed(rate * 100, 1)}%`,
      goal: '>= 90%',
      met: rate >= 0.9,
    },
    { metric: '(d) false alarms per day', value: fixed(falseAlarms, 2), goal: '<= 2', met: falseAlarms <= 2 },
    {
      metric: '(d) median time to raise, min',
      value: fixed(num(detection.medianLatencyMin), 2),
      goal: '',
      met: null,
    },
    {
      metric: '(e) network TTI MAPE at 30 min',
      value: `${fixed(mape30, 1)}%`,
      goal: '< 10%',
      met: mape30 < 10,
    },
  ];
}

/** Prints the MAPE per horizon: network, network with the target in a peak, districts, each against persistence. */
export function printMapeTable(forecast: Record<string, number | string>): void {
  const pct = (key: string): string => `${fixed(num(forecast[key]), 1)}%`;
  const rows = [15, 30, 60].map((h) => [
    `${h} min`,
    pct(`networkMape${h}MinPct`),
    pct(`networkPersistenceMape${h}MinPct`),
    pct(`networkPeakMape${h}MinPct`),
    pct(`networkPeakPersistenceMape${h}MinPct`),
    pct(`districtMape${h}MinPct`),
    pct(`districtPersistenceMape${h}MinPct`),
  ]);
  const headers = [
    'horizon',
    'network',
    'persistence',
    'network, peak',
    'persistence, peak',
    'districts',
    'persistence',
  ];
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
  const line = (values: string[]): string => values.map((value, i) => value.padEnd(widths[i]!)).join(' | ');
  process.stdout.write('\n(e) forecast MAPE per horizon (each test day scored before it is learnt)\n');
  process.stdout.write(`${line(headers)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}
