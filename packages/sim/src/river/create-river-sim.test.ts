import { describe, expect, it } from 'vitest';
import type { RainStorm } from './rain-storms';
import { createRiverSim } from './create-river-sim';
import { buildTestRiverNetwork } from './river-test-network';

const HOUR = 3_600_000;
/** 2024-07-01 00:00 Asia/Shanghai. */
const T0 = Date.UTC(2024, 5, 30, 16);

/** A stationary city-wide storm: `mmPerH` at the centre for `hours`, starting `afterHours` after T0. */
function cityStorm(mmPerH: number, afterHours: number, hours: number): RainStorm {
  const startAt = T0 + afterHours * HOUR;
  return {
    id: 'test',
    startAt,
    endAt: startAt + hours * HOUR,
    velocityKmh: [0, 0],
    cells: [
      {
        centreAtStart: [120.17, 30.27],
        radiusKm: 500,
        peakMmPerH: mmPerH,
        startAt,
        endAt: startAt + hours * HOUR,
      },
    ],
  };
}

describe('createRiverSim', () => {
  it('gives identical output for the same seed', () => {
    const a = createRiverSim(buildTestRiverNetwork(), { seed: 7, eventRateScale: 20 }, T0).advance(
      T0 + 6 * HOUR,
    );
    const b = createRiverSim(buildTestRiverNetwork(), { seed: 7, eventRateScale: 20 }, T0).advance(
      T0 + 6 * HOUR,
    );
    expect(a).toEqual(b);
    expect(a.levels.length).toBe(72);
  });

  it('gives the same output in one step as in 7-minute steps (step independence)', () => {
    const options = { seed: 3, eventRateScale: 20, storms: [cityStorm(20, 1, 2)] };
    const whole = createRiverSim(buildTestRiverNetwork(), options, T0).advance(T0 + 12 * HOUR);
    const sim = createRiverSim(buildTestRiverNetwork(), options, T0);
    const parts = { levels: [] as unknown[], quality: [] as unknown[], events: [] as unknown[] };
    for (let t = T0 + 7 * 60_000; t < T0 + 12 * HOUR + 7 * 60_000; t += 7 * 60_000) {
      const batch = sim.advance(Math.min(t, T0 + 12 * HOUR));
      parts.levels.push(...batch.levels);
      parts.quality.push(...batch.quality);
      parts.events.push(...batch.events);
    }
    expect(parts).toEqual(whole);
    expect(whole.events.length).toBeGreaterThan(0);
  });

  it('differs for another seed', () => {
    const a = createRiverSim(buildTestRiverNetwork(), { seed: 1, eventRateScale: 50 }, T0).advance(
      T0 + 24 * HOUR,
    );
    const b = createRiverSim(buildTestRiverNetwork(), { seed: 2, eventRateScale: 50 }, T0).advance(
      T0 + 24 * HOUR,
    );
    expect(a.events).not.toEqual(b.events);
  });

  it('holds the normal level without rain', () => {
    const sim = createRiverSim(buildTestRiverNetwork(), { seed: 1, stormsPerDay: 0 }, T0);
    expect(sim.levelAt(0, T0 + 5 * HOUR)).toBeCloseTo(3, 9);
  });

  it('raises the level after a storm with a delay: the peak comes after the rain has stopped', () => {
    const sim = createRiverSim(
      buildTestRiverNetwork(),
      { seed: 1, stormsPerDay: 0, storms: [cityStorm(30, 2, 1)] },
      T0,
    );
    const before = sim.levelAt(0, T0 + 2 * HOUR);
    const atRainEnd = sim.levelAt(0, T0 + 3 * HOUR);
    let peakAt = 0;
    let peak = -Infinity;
    for (let m = 0; m <= 12 * 60; m += 5) {
      const level = sim.levelAt(0, T0 + m * 60_000);
      if (level > peak) [peak, peakAt] = [level, m];
    }
    expect(before).toBeCloseTo(3, 9);
    expect(atRainEnd).toBeGreaterThan(3.05);
    expect(peak).toBeGreaterThan(atRainEnd);
    expect(peakAt).toBeGreaterThan(3 * 60 + 30); // peak at least 30 min after the rain stopped
    expect(sim.levelAt(0, T0 + 48 * HOUR)).toBeLessThan(3.02); // and recedes
  });

  it('lifts dissolved oxygen in the afternoon over the small hours (no rain)', () => {
    const sim = createRiverSim(buildTestRiverNetwork(), { seed: 1, stormsPerDay: 0 }, T0);
    expect(sim.qualityAt(0, T0 + 15 * HOUR).doMgL - sim.qualityAt(0, T0 + 3 * HOUR).doMgL).toBeGreaterThan(
      1.5,
    );
  });

  it('washes a first flush in after rain: NH3-N rises and DO falls after a storm', () => {
    const dry = createRiverSim(buildTestRiverNetwork(), { seed: 1, stormsPerDay: 0 }, T0);
    const wet = createRiverSim(
      buildTestRiverNetwork(),
      { seed: 1, stormsPerDay: 0, storms: [cityStorm(15, 2, 1)] },
      T0,
    );
    const at = T0 + 4 * HOUR;
    expect(wet.qualityAt(0, at).nh3nMgL).toBeGreaterThan(1.5 * dry.qualityAt(0, at).nh3nMgL);
    expect(wet.qualityAt(0, at).doMgL).toBeLessThan(dry.qualityAt(0, at).doMgL - 1);
  });

  it('reports readings only inside (previous now, now] and never repeats them', () => {
    const sim = createRiverSim(buildTestRiverNetwork(), { seed: 1 }, T0);
    const first = sim.advance(T0 + HOUR);
    const again = sim.advance(T0 + HOUR);
    expect(first.levels.every((r) => r.observedAt > T0 && r.observedAt <= T0 + HOUR)).toBe(true);
    expect(again.levels).toEqual([]);
  });
});
