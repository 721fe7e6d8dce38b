import { describe, expect, it } from 'vitest';
import { FrameSequencer } from './frame-sequencer';

const HASH = 0xabcdef;
const snapshot = (seq: number) => ({ kind: 0 as const, seq, segmentsHash: HASH });
const delta = (seq: number) => ({ kind: 1 as const, seq, segmentsHash: HASH });

describe('FrameSequencer', () => {
  it('applies a snapshot and then consecutive deltas', () => {
    const sequencer = new FrameSequencer(HASH);
    expect(sequencer.decide(snapshot(10))).toEqual({ action: 'apply' });
    expect(sequencer.decide(delta(11))).toEqual({ action: 'apply' });
    expect(sequencer.decide(delta(12))).toEqual({ action: 'apply' });
    expect(sequencer.lastAppliedSeq).toBe(12);
  });

  it('asks for a resync on a gap and ignores deltas until the next snapshot', () => {
    const sequencer = new FrameSequencer(HASH);
    sequencer.decide(snapshot(10));
    expect(sequencer.decide(delta(12))).toEqual({ action: 'resync', reason: 'gap' });
    expect(sequencer.decide(delta(13))).toEqual({ action: 'ignore', reason: 'awaiting-snapshot' });
    expect(sequencer.decide(snapshot(13))).toEqual({ action: 'apply' });
    expect(sequencer.decide(delta(14))).toEqual({ action: 'apply' });
  });

  it('ignores a repeated delta', () => {
    const sequencer = new FrameSequencer(HASH);
    sequencer.decide(snapshot(10));
    sequencer.decide(delta(11));
    expect(sequencer.decide(delta(11))).toEqual({ action: 'ignore', reason: 'duplicate' });
  });

  it('rejects frames of another city', () => {
    const sequencer = new FrameSequencer(HASH);
    expect(sequencer.decide({ kind: 0, seq: 1, segmentsHash: 1 })).toEqual({
      action: 'reject',
      reason: 'city-mismatch',
    });
  });

  it('asks for a snapshot when a delta comes first and none is on its way', () => {
    const sequencer = new FrameSequencer(HASH, false);
    expect(sequencer.decide(delta(5))).toEqual({ action: 'resync', reason: 'no-snapshot' });
    expect(sequencer.decide(delta(6))).toEqual({ action: 'ignore', reason: 'awaiting-snapshot' });
  });

  it('waits for the connect snapshot after a reset', () => {
    const sequencer = new FrameSequencer(HASH);
    sequencer.decide(snapshot(10));
    sequencer.reset();
    expect(sequencer.decide(delta(11))).toEqual({ action: 'ignore', reason: 'awaiting-snapshot' });
  });
});
