import { describe, expect, it } from 'vitest';
import { BIKE_FLAG_IN_NO_PARKING, BIKE_FLAG_NO_PERMIT, BIKE_STATE_GONE } from '@cbo/contracts';
import { decodeBikeFrame, encodeBikeDelta, encodeBikeSnapshot } from '@cbo/wire';
import type { BikeFrame } from '@cbo/wire';
import { applyBikeFrame } from './apply-bike-frame';
import { BikeFrameSequencer } from './bike-frame-sequencer';
import { BikeFrameStore } from './bike-frame-store';
import { FLAG_RING_WIDTH_PX, NO_PARKING_RING, NO_PERMIT_RING } from './bike-palette';

const ORIGIN_E6: [number, number] = [120_000_000, 30_000_000];

interface Bike {
  index: number;
  state: number;
  /** Offset from the origin, 1e-6 degree. */
  dLngE6?: number;
  dLatE6?: number;
}

function frameOf(kind: 'snapshot' | 'delta', seq: number, bikes: Bike[], originE6 = ORIGIN_E6): BikeFrame {
  const input = {
    seq,
    at: 1_000 * seq,
    originE6,
    indices: Uint32Array.from(bikes.map((b) => b.index)),
    states: Uint8Array.from(bikes.map((b) => b.state)),
    operators: Uint8Array.from(bikes.map(() => 1)),
    lngE6: Int32Array.from(bikes.map((b) => originE6[0] + (b.dLngE6 ?? 0))),
    latE6: Int32Array.from(bikes.map((b) => originE6[1] + (b.dLatE6 ?? 0))),
  };
  return decodeBikeFrame(kind === 'snapshot' ? encodeBikeSnapshot(input) : encodeBikeDelta(input));
}

function setUp(): { store: BikeFrameStore; sequencer: BikeFrameSequencer } {
  return {
    store: new BikeFrameStore({ initialCapacity: 4, hexRadiusM: 250 }),
    sequencer: new BikeFrameSequencer(),
  };
}

describe('applyBikeFrame', () => {
  it('writes a snapshot: positions as offsets from the origin, states, presence', () => {
    const { store, sequencer } = setUp();
    applyBikeFrame(
      store,
      sequencer,
      frameOf('snapshot', 1, [{ index: 0, state: 0, dLngE6: 1000, dLatE6: -500 }]),
    );
    expect(store.origin).toEqual([120, 30]);
    expect(store.present).toBe(1);
    expect(store.length).toBe(1);
    expect(store.offsets[0]).toBeCloseTo(0.001, 9);
    expect(store.offsets[1]).toBeCloseTo(-0.0005, 9);
    expect(store.fillColors[3]).toBeGreaterThan(0);
  });

  it('grows the arrays when a frame carries an index past the capacity, keeping earlier bikes', () => {
    const { store, sequencer } = setUp();
    applyBikeFrame(store, sequencer, frameOf('snapshot', 1, [{ index: 0, state: 1, dLngE6: 10 }]));
    applyBikeFrame(store, sequencer, frameOf('delta', 2, [{ index: 9, state: 0, dLngE6: 20 }]));
    expect(store.capacity).toBe(16);
    expect(store.length).toBe(10);
    expect(store.states[0]).toBe(1);
    expect(store.offsets[0]).toBeCloseTo(0.00001, 9);
    expect(store.states[9]).toBe(0);
    expect(store.states[5]).toBe(BIKE_STATE_GONE);
    expect(store.cellSlots[5]).toBe(-1);
  });

  it('removes a bike a delta marks gone: transparent, not counted, out of its hexagon', () => {
    const { store, sequencer } = setUp();
    applyBikeFrame(
      store,
      sequencer,
      frameOf('snapshot', 1, [
        { index: 0, state: 0 },
        { index: 1, state: 0 },
      ]),
    );
    const slot = store.cellSlots[1]!;
    expect(store.grid?.counts[slot]).toBe(2);
    applyBikeFrame(store, sequencer, frameOf('delta', 2, [{ index: 1, state: BIKE_STATE_GONE }]));
    expect(store.present).toBe(1);
    expect(store.states[1]).toBe(BIKE_STATE_GONE);
    expect(store.fillColors[7]).toBe(0);
    expect(store.cellSlots[1]).toBe(-1);
    expect(store.grid?.counts[slot]).toBe(1);
  });

  it('drops the bikes a new snapshot does not carry', () => {
    const { store, sequencer } = setUp();
    applyBikeFrame(
      store,
      sequencer,
      frameOf('snapshot', 1, [
        { index: 0, state: 0 },
        { index: 3, state: 0 },
      ]),
    );
    applyBikeFrame(store, sequencer, frameOf('snapshot', 7, [{ index: 0, state: 0 }]));
    expect(store.present).toBe(1);
    expect(store.length).toBe(1);
    expect(store.states[3]).toBe(BIKE_STATE_GONE);
    expect(store.grid?.counts[store.cellSlots[0]!]).toBe(1);
  });

  it('rings a bike without a permit yellow and one in a no-parking zone white', () => {
    const { store, sequencer } = setUp();
    applyBikeFrame(
      store,
      sequencer,
      frameOf('snapshot', 1, [
        { index: 0, state: 0 },
        { index: 1, state: BIKE_FLAG_NO_PERMIT },
        { index: 2, state: BIKE_FLAG_IN_NO_PARKING | BIKE_FLAG_NO_PERMIT },
      ]),
    );
    expect(store.lineWidthsPx[0]).toBe(0);
    expect([...store.lineColors.subarray(4, 8)]).toEqual([...NO_PERMIT_RING]);
    expect(store.lineWidthsPx[1]).toBe(FLAG_RING_WIDTH_PX);
    expect([...store.lineColors.subarray(8, 12)]).toEqual([...NO_PARKING_RING]);
  });

  it('clears the ring when a delta lifts the flag', () => {
    const { store, sequencer } = setUp();
    applyBikeFrame(store, sequencer, frameOf('snapshot', 1, [{ index: 0, state: BIKE_FLAG_NO_PERMIT }]));
    applyBikeFrame(store, sequencer, frameOf('delta', 2, [{ index: 0, state: 0 }]));
    expect(store.lineWidthsPx[0]).toBe(0);
    expect(store.lineColors[3]).toBe(0);
  });

  it('moves a bike between hexagons when it travels a kilometre', () => {
    const { store, sequencer } = setUp();
    applyBikeFrame(store, sequencer, frameOf('snapshot', 1, [{ index: 0, state: 0 }]));
    const before = store.cellSlots[0]!;
    applyBikeFrame(store, sequencer, frameOf('delta', 2, [{ index: 0, state: 1, dLatE6: 9000 }]));
    const after = store.cellSlots[0]!;
    expect(after).not.toBe(before);
    expect(store.grid?.counts[before]).toBe(0);
    expect(store.grid?.counts[after]).toBe(1);
  });

  it('shifts a delta with another origin onto the store origin', () => {
    const { store, sequencer } = setUp();
    applyBikeFrame(store, sequencer, frameOf('snapshot', 1, [{ index: 0, state: 0 }]));
    const shifted: [number, number] = [ORIGIN_E6[0] + 1000, ORIGIN_E6[1]];
    applyBikeFrame(store, sequencer, frameOf('delta', 2, [{ index: 0, state: 0 }], shifted));
    expect(store.offsets[0]).toBeCloseTo(0.001, 6);
  });

  it('asks for a resync on a sequence gap and leaves the bikes untouched', () => {
    const { store, sequencer } = setUp();
    applyBikeFrame(store, sequencer, frameOf('snapshot', 1, [{ index: 0, state: 0 }]));
    const decision = applyBikeFrame(
      store,
      sequencer,
      frameOf('delta', 3, [{ index: 0, state: BIKE_STATE_GONE }]),
    );
    expect(decision).toEqual({ action: 'resync', reason: 'gap' });
    expect(store.present).toBe(1);
    expect(store.version).toBe(1);
  });
});
