import { BIKE_FLAG_NO_PERMIT } from '@cbo/contracts';
import { decodeBikeFrame, encodeBikeDelta, encodeBikeSnapshot } from '@cbo/wire';
import type { BikeFrame, BikeFrameInput } from '@cbo/wire';
import { applyBikeFrame } from './apply-bike-frame';
import { BikeFrameSequencer } from './bike-frame-sequencer';
import { BikeFrameStore } from './bike-frame-store';

/** Figures of {@link measureBikeLayers}; times are medians over the rounds, ms. */
export interface BikeLayerFigures {
  bikes: number;
  changedBikes: number;
  hexCells: number;
  /** Bare baseline: copying every bike's offsets and state byte into typed arrays, one loop. */
  baselineMs: number;
  /** Full hexagon aggregation from the typed arrays (clear, bin every bike, paint the cells). */
  hexAggregationMs: number;
  /** Applying a snapshot: every bike's attributes, hexagon counts and paint. */
  snapshotApplyMs: number;
  /** Baseline for the delta: copying the changed bikes' offsets and states. */
  deltaBaselineMs: number;
  /** Applying a delta of the changed bikes: attributes in place, incremental hexagon moves, paint. */
  deltaApplyMs: number;
  hexAggregationRatio: number;
  snapshotApplyRatio: number;
  deltaApplyRatio: number;
}

/** A deterministic pseudo-random sequence (LCG), so every run bins the same bikes. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

function syntheticFrame(bikes: number, seq: number, kind: 'snapshot' | 'delta', seed: number): BikeFrame {
  const random = lcg(seed);
  const step = kind === 'snapshot' ? 1 : 10;
  const count = Math.floor(bikes / step);
  const input: BikeFrameInput = {
    seq,
    at: seq * 30_000,
    originE6: [120_150_000, 30_250_000],
    indices: new Uint32Array(count),
    states: new Uint8Array(count),
    operators: new Uint8Array(count),
    lngE6: new Int32Array(count),
    latE6: new Int32Array(count),
  };
  for (let k = 0; k < count; k += 1) {
    input.indices[k] = k * step;
    input.states[k] = (random() < 0.15 ? 1 : 0) | (random() < 0.04 ? BIKE_FLAG_NO_PERMIT : 0);
    input.operators[k] = 1 + Math.floor(random() * 3);
    // About 40 km x 30 km around the centre of Hangzhou.
    input.lngE6[k] = 119_950_000 + Math.floor(random() * 400_000);
    input.latE6[k] = 30_120_000 + Math.floor(random() * 270_000);
  }
  return decodeBikeFrame(kind === 'snapshot' ? encodeBikeSnapshot(input) : encodeBikeDelta(input));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function copyBaseline(frame: BikeFrame, offsets: Float32Array, states: Uint8Array): void {
  for (let k = 0; k < frame.indices.length; k += 1) {
    const index = frame.indices[k]!;
    states[index] = frame.states[k]!;
    offsets[index * 2] = frame.offsets[k * 2]!;
    offsets[index * 2 + 1] = frame.offsets[k * 2 + 1]!;
  }
}

function timed(run: () => void): number {
  const startedAt = performance.now();
  run();
  return performance.now() - startedAt;
}

/**
 * Times the browser side of the bike layers in this process, against a bare baseline measured in the same
 * rounds (figures are ratios; never assert a time): the full hexagon aggregation and a snapshot apply for
 * `bikes` bikes, and a delta apply of a tenth of them moved (the attribute update per frame).
 */
export function measureBikeLayers(bikes = 300_000, rounds = 5): BikeLayerFigures {
  const snapshot = syntheticFrame(bikes, 1, 'snapshot', 7);
  const delta = syntheticFrame(bikes, 2, 'delta', 11);
  const offsets = new Float32Array(bikes * 2);
  const states = new Uint8Array(bikes);
  const times = { base: [] as number[], hex: [] as number[], snap: [] as number[] };
  const deltaTimes = { base: [] as number[], apply: [] as number[] };
  let hexCells = 0;
  for (let round = 0; round < rounds; round += 1) {
    times.base.push(timed(() => copyBaseline(snapshot, offsets, states)));
    const store = new BikeFrameStore({ initialCapacity: bikes });
    const sequencer = new BikeFrameSequencer();
    times.snap.push(timed(() => applyBikeFrame(store, sequencer, snapshot)));
    const grid = store.grid!;
    times.hex.push(
      timed(() => {
        grid.clear();
        for (let index = 0; index < store.length; index += 1) {
          const slot = grid.slotAt(store.offsets[index * 2]!, store.offsets[index * 2 + 1]!);
          grid.add(slot);
          store.cellSlots[index] = slot;
        }
        grid.paint();
      }),
    );
    hexCells = grid.slotCount;
    deltaTimes.base.push(timed(() => copyBaseline(delta, offsets, states)));
    deltaTimes.apply.push(timed(() => applyBikeFrame(store, sequencer, delta)));
  }
  const baselineMs = median(times.base);
  const deltaBaselineMs = median(deltaTimes.base);
  const hexAggregationMs = median(times.hex);
  const snapshotApplyMs = median(times.snap);
  const deltaApplyMs = median(deltaTimes.apply);
  return {
    bikes,
    changedBikes: delta.indices.length,
    hexCells,
    baselineMs,
    hexAggregationMs,
    snapshotApplyMs,
    deltaBaselineMs,
    deltaApplyMs,
    hexAggregationRatio: hexAggregationMs / baselineMs,
    snapshotApplyRatio: snapshotApplyMs / baselineMs,
    deltaApplyRatio: deltaApplyMs / deltaBaselineMs,
  };
}
