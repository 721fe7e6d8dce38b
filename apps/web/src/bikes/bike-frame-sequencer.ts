import { BIKE_FRAME_KIND_SNAPSHOT } from '@cbo/contracts';
import type { BikeFrame } from '@cbo/wire';

/** What to do with a received bike frame. */
export type BikeFrameDecision =
  | { action: 'apply' }
  | { action: 'ignore'; reason: 'duplicate' | 'awaiting-snapshot' }
  | { action: 'resync'; reason: 'gap' | 'no-snapshot' };

/**
 * Keeps bike delta frames consecutive, like the traffic sequencer: a snapshot (re)starts the sequence, a delta
 * must carry the next sequence number. On a gap it asks for one resync (`bikes:resync`) and ignores deltas
 * until the next snapshot.
 */
export class BikeFrameSequencer {
  private lastSeq: number | null = null;
  private awaitingSnapshot = true;
  private resyncRequested: boolean;

  /** @param snapshotExpected - true when the server sends a snapshot anyway (it does on `bikes:subscribe`) */
  constructor(snapshotExpected = true) {
    this.resyncRequested = snapshotExpected;
  }

  /** Sequence number of the last applied frame, or null before the first snapshot. */
  get lastAppliedSeq(): number | null {
    return this.lastSeq;
  }

  /** Decides what to do with a frame and advances the sequence when it is to be applied. */
  decide(frame: Pick<BikeFrame, 'kind' | 'seq'>): BikeFrameDecision {
    if (frame.kind === BIKE_FRAME_KIND_SNAPSHOT) {
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

  /** Forgets the sequence (after a reconnect or re-subscribe): a new snapshot follows. */
  reset(): void {
    this.lastSeq = null;
    this.awaitingSnapshot = true;
    this.resyncRequested = true;
  }
}
