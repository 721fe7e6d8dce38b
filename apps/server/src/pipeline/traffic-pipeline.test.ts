import { describe, expect, it } from 'vitest';
import { SPEED_UNKNOWN } from '@cbo/contracts';
import { applyObservation } from '@cbo/indices';
import { decodeFrame, quantizeSpeed } from '@cbo/wire';
import { loadTestCity, TEST_START_AT } from '../testing/test-app';
import { createManualClock } from './clock';
import { createTrafficPipeline } from './traffic-pipeline';

const NOW = TEST_START_AT;

async function createPipeline() {
  const city = await loadTestCity();
  return createTrafficPipeline({ city, clock: createManualClock(NOW), tickMs: 1000, freshForMs: 60_000 });
}

describe('createTrafficPipeline', () => {
  it('sends a segment whose reading went stale as SPEED_UNKNOWN', async () => {
    const pipeline = await createPipeline();
    applyObservation(pipeline.state, 4, NOW - 1000, 50);
    expect([...decodeFrame(pipeline.tickNow(NOW).deltaFrame).speeds]).toEqual([quantizeSpeed(50)]);
    const stale = decodeFrame(pipeline.tickNow(NOW + 60_000).deltaFrame);
    expect([...stale.indices]).toEqual([4]);
    expect([...stale.speeds]).toEqual([SPEED_UNKNOWN]);
  });

  it('numbers deltas consecutively and snapshots at the last delta', async () => {
    const pipeline = await createPipeline();
    pipeline.tickNow(NOW);
    const second = pipeline.tickNow(NOW + 1000);
    const snapshot = decodeFrame(pipeline.snapshotFrame());
    expect(second.seq).toBe(2);
    expect(snapshot).toMatchObject({ kind: 0, seq: 2, at: NOW + 1000 });
  });

  it('encodes the snapshot once per tick', async () => {
    const pipeline = await createPipeline();
    pipeline.tickNow(NOW);
    const first = pipeline.snapshotFrame();
    expect(pipeline.snapshotFrame()).toBe(first);
    pipeline.tickNow(NOW + 1000);
    expect(pipeline.snapshotFrame()).not.toBe(first);
  });

  it('runs before-tick hooks with the tick time, then notifies listeners', async () => {
    const pipeline = await createPipeline();
    const calls: string[] = [];
    pipeline.beforeTick((at) => calls.push(`hook ${at}`));
    const unsubscribe = pipeline.onTick((result) => calls.push(`tick ${result.now.tick}`));
    pipeline.tickNow(NOW);
    unsubscribe();
    pipeline.tickNow(NOW + 1000);
    expect(calls).toEqual([`hook ${NOW}`, 'tick 1', `hook ${NOW + 1000}`]);
  });
});
