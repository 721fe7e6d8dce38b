import type { Case, CaseEvent, CaseStatus } from '@cbo/contracts';

/** Time before a case's detection that its evidence pack covers, ms. */
export const EVIDENCE_BEFORE_MS = 30 * 60_000;
/** Time after a case's closure that its evidence pack covers, ms. */
export const EVIDENCE_AFTER_MS = 10 * 60_000;

/** Statuses that end a case. */
const FINAL_STATUSES: readonly CaseStatus[] = ['closed', 'auto-resolved', 'dismissed'];

/** The time window of an evidence pack, epoch ms, half-open. */
export interface EvidenceWindow {
  from: number;
  to: number;
  detectedAt: number;
  /** When the case was closed, auto-resolved or dismissed; null while it is open. */
  closedAt: number | null;
}

/**
 * The window of a case's evidence: from detection minus {@link EVIDENCE_BEFORE_MS} to closure plus
 * {@link EVIDENCE_AFTER_MS}, or to `now` while the case is open (never past `now`).
 */
export function evidenceWindow(current: Case, events: readonly CaseEvent[], now: number): EvidenceWindow {
  const closing = FINAL_STATUSES.includes(current.status)
    ? events.filter((e) => FINAL_STATUSES.includes(e.to)).at(-1)
    : undefined;
  const closedAt = closing?.at ?? null;
  const from = current.detectedAt - EVIDENCE_BEFORE_MS;
  const end = closedAt === null ? now : Math.min(closedAt + EVIDENCE_AFTER_MS, Math.max(now, closedAt));
  return { from, to: Math.max(end, current.detectedAt) + 1, detectedAt: current.detectedAt, closedAt };
}
