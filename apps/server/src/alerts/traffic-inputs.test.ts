import { describe, expect, it } from 'vitest';
import { buildTestCity } from '@cbo/city/testing';
import { createSegmentState } from '@cbo/indices';
import { createSegmentInputCache, segmentEntities } from './traffic-inputs';

const city = buildTestCity([
  { roadClass: 'arterial', lanes: 2, lengthM: 500, freeFlowKmh: 60, district: 0 },
  { roadClass: 'arterial', lanes: 2, lengthM: 500, freeFlowKmh: 60, district: 1 },
]);

describe('segmentEntities with a cache', () => {
  it('keeps the input object of a segment whose reading did not change and rebuilds the one that did', () => {
    const state = createSegmentState(2);
    state.observedAt.set([1000, 1000]);
    state.speedKmh.set([30, 60]);
    const cache = createSegmentInputCache(2);
    const first = segmentEntities(city, state, 2000, 60_000, cache);
    state.observedAt[1] = 1500;
    state.speedKmh[1] = 20;
    const second = segmentEntities(city, state, 2500, 60_000, cache);
    expect([second[0] === first[0], second[1] === first[1], second[1]?.metrics.tti?.value]).toEqual([
      true,
      false,
      3,
    ]);
  });

  it('leaves out a segment whose reading is older than the freshness window, cached or not', () => {
    const state = createSegmentState(2);
    state.observedAt.set([1000, 50_000]);
    state.speedKmh.set([30, 60]);
    const cache = createSegmentInputCache(2);
    segmentEntities(city, state, 2000, 60_000, cache);
    expect(segmentEntities(city, state, 70_000, 60_000, cache).map((e) => e.id)).toEqual(['s1']);
  });
});
