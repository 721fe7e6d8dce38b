import { afterEach, describe, expect, it } from 'vitest';
import type { AlertRule } from '@cbo/contracts';
import { backtestRule } from './backtest';
import { createHistoryKit, type HistoryKit } from './history-test-kit';

const DAY_FROM = Date.UTC(2026, 0, 14, 16);
const kits: HistoryKit[] = [];

const slowSegment0: AlertRule = {
  id: 'segment-0-slow',
  version: 1,
  name: { zh: '慢', en: 'Slow' },
  domain: 'traffic',
  target: 'segment',
  kind: 'slow',
  when: { metric: 'speedKmh', op: '<', value: 10 },
  forMs: 0,
  clearWhen: { metric: 'speedKmh', op: '>=', value: 10 },
  clearForMs: 0,
  severity: 'yellow',
  dedupeKey: '{kind}:{entity}',
  groupAdjacent: false,
  enabled: true,
} as AlertRule;

afterEach(async () => {
  for (const k of kits.splice(0)) await k.db.close();
});

describe('backtestRule', () => {
  it('fires where the recorded map met the rule and clears where it stopped', async () => {
    const k = await createHistoryKit(600_000, DAY_FROM);
    kits.push(k);
    // Segment 0: 40 km/h at 00:00, 5 km/h from 00:02, 40 km/h again from 00:05 (ticks every minute).
    for (let m = 0; m < 8; m++) k.tickWith(DAY_FROM + m * 60_000, [[0, m >= 2 && m < 5 ? 5 : 40]]);
    await k.recorder.flush();
    const result = await backtestRule(k.store, k.pipeline.city, '2026-01-15', slowSegment0);
    const id = k.pipeline.city.segments[0]!.id;
    expect(
      result.wouldHaveFired.filter((f) => f.targetId === id).map((f) => [f.kind, (f.at - DAY_FROM) / 60_000]),
    ).toEqual([
      ['raised', 2],
      ['resolved', 5],
    ]);
    expect(result.actuallyFired).toEqual([]);
  });
});
