import type { TrafficFrame } from '@cbo/wire';

/** What to do with a received traffic frame. */
export type FrameDecision =
  | { action: 'apply' }
  | { action: 'ignore'; reason: 'duplicate' | 'awaiting-snapshot' }
  | { action: 'resync'; reason: 'gap' | 'no-snapshot' }
  | { action: 'reject'; reason: 'city-mismatch' };

/**
 * Keeps delta frames consecutive. A snapshot (re)starts the sequence; a delta must carry the next sequence
 * number. On a gap it asks for a resync once and ignores deltas until the next snapshot; frames of another
 * city (different `segmentsHash`) are rejected.
 */
export class FrameSequencer {
  private lastSeq: number | null = null;
  private awaitingSnapshot = true;
  private resyncRequested: boolean;

  /**
   * @param segmentsHash - the hash of the city the client drew
   * @param snapshotExpected - true when the server will send a snapshot anyway (it does on connect)
   */
  constructor(
    private readonly segmentsHash: number,
    snapshotExpected = true,
  ) {
    this.resyncRequested = snapshotExpected;
  }

  /** Sequence number of the last applied frame, or null before the first snapshot. */
  get lastAppliedSeq(): number | null {
    return this.lastSeq;
  }

  /** Decides what to do with a frame and advances the sequence when it is to be applied. */
  decide(frame: Pick<TrafficFrame, 'kind' | 'seq' | 'segmentsHash'>): FrameDecision {
    if (frame.segmentsHash !== this.segmentsHash) return { action: 'reject', reason: 'city-mismatch' };
    if (frame.kind === 0) {
      this.lastSeq = frame.seq;
      this.awaitingSnapshot = false;
      this.resyncRequested = false;
      return { action: 'apply' };
    }
    if (this.awaitingSnapshot || this.lastSeq === null) {
      if (this.resyncRequested) return { action: 'ignore', reason: 'awaiting-snapshot' };
      this.resyncRequested = true;
      return { action: 'resync', reason: 'no-snapshot' };
    }
    if (frame.seq <= this.lastSeq) return { action: 'ignore', reason: 'duplicate' };
    if (frame.seq !== this.lastSeq + 1) {
      this.awaitingSnapshot = true;
      this.resyncRequested = true;
      return { action: 'resync', reason: 'gap' };
    }
    this.lastSeq = frame.seq;
    return { action: 'apply' };
  }

  /** Forgets the sequence (after a reconnect): the server sends a new snapshot on connect. */
  reset(): void {
    this.lastSeq = null;
    this.awaitingSnapshot = true;
    this.resyncRequested = true;
  }
}
