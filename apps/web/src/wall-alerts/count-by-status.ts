import type { Case, CaseStatus } from '@cbo/contracts';

/** Statuses the wall counts, in lifecycle order (closed-like ones together at the end). */
export const WALL_STATUS_ORDER: readonly CaseStatus[] = [
  'detected',
  'filed',
  'dispatched',
  'handling',
  'reported',
  'verified',
  'closed',
];

/** Number of cases per status. */
export function countByStatus(cases: readonly Case[]): Record<CaseStatus, number> {
  const counts = Object.fromEntries(
    [
      'detected',
      'filed',
      'dispatched',
      'handling',
      'reported',
      'verified',
      'closed',
      'auto-resolved',
      'dismissed',
    ].map((s) => [s, 0]),
  ) as Record<CaseStatus, number>;
  for (const c of cases) counts[c.status] += 1;
  return counts;
}

/** Minutes with one decimal below 10, whole above; null shows a dash. */
export function formatMinutes(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = ms / 60_000;
  return minutes < 10 ? minutes.toFixed(1) : String(Math.round(minutes));
}
