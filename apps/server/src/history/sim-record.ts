import { parseArgs } from 'node:util';
import { resolveConfigPath } from '../config';
import { recordDay } from './record-day';

/**
 * `pnpm sim:record --date 2026-01-14 [--speed max|N] [--tick-ms 60000] [--keyframe-ms 900000] [--seed 1]
 * [--observations] [--out fixtures/history/hangzhou-2026-01-14.parquet]`: records a simulated day of the default
 * city into a Parquet day archive (docs/history.md).
 */
const { values } = parseArgs({
  options: {
    date: { type: 'string' },
    speed: { type: 'string', default: 'max' },
    'tick-ms': { type: 'string', default: '60000' },
    'keyframe-ms': { type: 'string', default: '900000' },
    seed: { type: 'string', default: '1' },
    observations: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

if (!values.date || !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
  process.stderr.write(
    'usage: pnpm sim:record --date YYYY-MM-DD [--speed max|N] [--tick-ms N] [--out file]\n',
  );
  process.exit(2);
}
const speed = values.speed === 'max' ? Number.POSITIVE_INFINITY : Number(values.speed);
if (!(speed > 0)) {
  process.stderr.write(`--speed must be 'max' or a positive number (got '${values.speed}')\n`);
  process.exit(2);
}
const outPath = resolveConfigPath(values.out ?? `fixtures/history/hangzhou-${values.date}.parquet`);
const result = await recordDay({
  date: values.date,
  outPath,
  tickMs: Number(values['tick-ms']),
  keyframeEveryMs: Number(values['keyframe-ms']),
  seed: Number(values.seed),
  speed,
  keepObservations: values.observations,
  onProgress: (share) => process.stderr.write(`\r${(share * 100).toFixed(0)}%`),
});
process.stdout.write(
  `\nrecorded ${values.date} to ${outPath}: ${result.frames} frames, ${result.observations} observations, ` +
    `${result.events} events in ${(result.ms / 1000).toFixed(1)} s\n`,
);
process.exit(0);
