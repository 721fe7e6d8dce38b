import type { HistoryScale } from './history-scale';

export { measureHistoryScale } from './history-scale';

/** A line of the bench table (same shape as run.ts prints). */
interface BenchRow {
  metric: string;
  value: string;
  goal: string;
  met: boolean | null;
}

function format(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** The history lines of the bench table: recorder headroom, size of a day, hour load and seek times. */
export function historyRows(h: HistoryScale): BenchRow[] {
  const headroom = h.recorderObservationsPerSec / h.liveObservationsPerSec;
  return [
    {
      metric: '(h) recorder observations/s (50,000 segments, Appender)',
      value: format(h.recorderObservationsPerSec),
      goal: '',
      met: null,
    },
    {
      metric: '(h) live ingest at 50,000 segments, observations/s',
      value: format(h.liveObservationsPerSec),
      goal: '',
      met: null,
    },
    { metric: '(h) recorder headroom', value: `${format(headroom, 1)}x`, goal: '>= 5x', met: headroom >= 5 },
    {
      metric: `(h) one city day on disk, MB (from ${h.recordedHours} h at 1 Hz x24)`,
      value: format(h.dayBytes / 1e6, 1),
      goal: '',
      met: null,
    },
    {
      metric: '(h) tick indices stored per frame, bytes (was ~1,950 B of JSON)',
      value: format(h.indicesBytesPerTick, 0),
      goal: '',
      met: null,
    },
    {
      metric: '(h) load one hour (frames + observations), ms',
      value: format(h.hourLoadMs, 0),
      goal: '',
      met: null,
    },
    {
      metric: `(h) seek, ms (p50 / max of ${h.seeks})`,
      value: `${format(h.seekMsP50, 1)} / ${format(h.seekMsMax, 1)}`,
      goal: '< 300',
      met: h.seekMsMax < 300,
    },
  ];
}
