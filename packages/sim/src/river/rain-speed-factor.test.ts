import { describe, expect, it } from 'vitest';
import { buildTestCity } from '@cbo/city/testing';
import { createTrafficSim } from '../create-traffic-sim';
import type { RainField } from './rain-field';
import { districtRainSpeedFactor, rainSpeedFactor } from './rain-speed-factor';

describe('rainSpeedFactor', () => {
  it.each([
    [0, 1],
    [2.5, 0.97],
    [7.6, 0.9],
    [30, 0.8],
    [60, 0.72],
    [120, 0.72],
  ])('at %f mm/h is %f (break points)', (mm, factor) => {
    expect(rainSpeedFactor(mm)).toBeCloseTo(factor, 9);
  });

  it('interpolates between break points: 5.05 mm/h is halfway from 0.97 to 0.9', () => {
    expect(rainSpeedFactor(5.05)).toBeCloseTo(0.935, 9);
  });

  it('is 1 for no rain or a negative intensity', () => {
    expect(rainSpeedFactor(-1)).toBe(1);
  });
});

const city = buildTestCity([
  { roadClass: 'arterial', lanes: 3, lengthM: 500, freeFlowKmh: 60, district: 0 },
  { roadClass: 'arterial', lanes: 3, lengthM: 500, freeFlowKmh: 60, district: 1 },
]);
/** 2 a.m. local: free flow, far above the minimum speeds, so the factor shows unclamped. */
const NIGHT = Date.UTC(2026, 0, 15, 18);

describe('createTrafficSim with a speed factor', () => {
  it('multiplies the model speed by the factor of each segment', () => {
    const dry = createTrafficSim(city, { seed: 3 }, NIGHT);
    const wet = createTrafficSim(city, { seed: 3, speedFactorAt: (i) => (i === 0 ? 0.8 : 1) }, NIGHT);
    expect(wet.speedAt(0, NIGHT)).toBeCloseTo(dry.speedAt(0, NIGHT) * 0.8, 9);
    expect(wet.speedAt(1, NIGHT)).toBe(dry.speedAt(1, NIGHT));
  });
});

describe('districtRainSpeedFactor', () => {
  it('gives each segment the factor of its district rain, 1 without storms', () => {
    const rain: RainField = {
      intensityMmPerHAt: () => 0,
      stormsActiveAt: (at) => (at < NIGHT ? [] : [{} as never]),
      areaIntensitiesMmPerH: () => Float64Array.from([7.6, 0]),
    };
    const areas = [
      { id: 'd-west', points: [] },
      { id: 'd-east', points: [] },
    ];
    const factorAt = districtRainSpeedFactor(city, rain, areas);
    expect(factorAt(0, NIGHT)).toBeCloseTo(0.9, 9);
    expect(factorAt(1, NIGHT)).toBe(1);
    expect(factorAt(0, NIGHT - 600_000)).toBe(1);
  });
});
