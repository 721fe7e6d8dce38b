import { performance } from 'node:perf_hooks';
import { bikeLayerRows, measureBikeLayers } from './bike-layers';
import { loadCity, resolveConfigPath } from '@cbo/server';
import { measureIngestThroughput } from './ingest-throughput';
import { measureTrafficScale } from './traffic-scale';
import { historyRows, measureHistoryScale } from './history-rows';
import { measureTrafficInsights, printMapeTable, trafficInsightRows } from './traffic-insight-rows';
import { alertRuleRows, measureAlertRules } from './alert-rules-scale';
import { bikesScaleRows, measureBikesScale } from './bikes-scale';

/** Segments of the densified city of the scale figures. */
const SCALE_SEGMENTS = 50_000;

interface Row {
  metric: string;
  value: string;
  goal: string;
  met: boolean | null;
}

function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function printTable(rows: Row[]): void {
  const headers = ['metric', 'value', 'goal', 'met'];
  const cells = rows.map((row) => [
    row.metric,
    row.value,
    row.goal,
    row.met === null ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]): string => values.map((value, i) => value.padEnd(widths[i]!)).join(' | ');
  process.stdout.write(`${line(headers)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}\n`);
  for (const values of cells) process.stdout.write(`${line(values)}\n`);
}

const startedAt = performance.now();
const city = await loadCity(resolveConfigPath('fixtures/hangzhou'));
process.stdout.write(`city: ${city.segmentCount} segments; densifying to ${SCALE_SEGMENTS}...\n`);
const bigCity = await loadCity(resolveConfigPath('fixtures/hangzhou'), SCALE_SEGMENTS);

process.stdout.write('(a) ingest throughput...\n');
const ingest = await measureIngestThroughput(city);
process.stdout.write('(b, c) 50,000 segments on loopback...\n');
const scale = await measureTrafficScale(bigCity);
const cpuShare = scale.cpuMsPerTickMean / 1000;
process.stdout.write('(h) history recorder, day size, hour load, seek...\n');
const history = await measureHistoryScale(city, bigCity);
const insights = await measureTrafficInsights();
process.stdout.write('(i) alert rules at 50,000 segments + river + bikes, 200 rules...\n');
const alertRules = measureAlertRules(bigCity);
process.stdout.write('(j) shared bikes: 300,000 dockless bikes reporting every 30 s...\n');
const bikesScale = measureBikesScale(city);
process.stdout.write('(k) the browser side of 300,000 bikes: frames into typed arrays and hexagons...\n');
const bikeLayers = measureBikeLayers();

printTable([
  {
    metric: '(a) ingest via app, readings/s (1,000/batch, inject)',
    value: formatNumber(ingest.appReadingsPerSec),
    goal: '',
    met: null,
  },
  {
    metric: '(a) bare parse-only route, readings/s',
    value: formatNumber(ingest.bareReadingsPerSec),
    goal: '',
    met: null,
  },
  {
    metric: '(a) ratio app / bare',
    value: formatNumber(ingest.ratio, 2),
    goal: '>= 0.5',
    met: ingest.ratio >= 0.5,
  },
  {
    metric: '(b) segments / changed per tick',
    value: `${formatNumber(scale.segments)} / ${formatNumber(scale.changedShare * 100, 1)}%`,
    goal: '50,000 / 10%',
    met: null,
  },
  {
    metric: '(b) delta frame bytes per changed segment',
    value: formatNumber(scale.frameBytesPerChanged, 2),
    goal: '<= 6',
    met: scale.frameBytesPerChanged <= 6,
  },
  {
    metric: '(b) Socket.IO overhead per delta, bytes',
    value: formatNumber(scale.socketOverheadBytesPerDelta, 0),
    goal: '',
    met: null,
  },
  {
    metric: '(b) all wire bytes per tick (delta+indices+health)',
    value: formatNumber(scale.wireBytesPerTick, 0),
    goal: '',
    met: null,
  },
  {
    metric: '(c) server CPU per tick, ms (mean / max)',
    value: `${formatNumber(scale.cpuMsPerTickMean, 1)} / ${formatNumber(scale.cpuMsPerTickMax, 1)}`,
    goal: '',
    met: null,
  },
  {
    metric: '(c) share of the 1 s tick',
    value: `${formatNumber(cpuShare * 100, 1)}%`,
    goal: '< 20%',
    met: cpuShare < 0.2,
  },
  ...historyRows(history),
  ...trafficInsightRows(insights, scale.cpuMsPerTickMean),
  ...alertRuleRows(alertRules),
  ...bikesScaleRows(bikesScale),
  ...bikeLayerRows(bikeLayers),
]);
printMapeTable(insights.forecast);
process.stdout.write(`\nbench took ${formatNumber((performance.now() - startedAt) / 1000, 1)} s\n`);
process.exit(0);
