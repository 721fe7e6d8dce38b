import { describe, expect, it } from 'vitest';
import { levelAt, riseRateMPerH, riseRates } from './rise-rate';

const MIN = 60_000;
/** A reading every 10 min from t=0 rising 0.1 m per hour from 3.0 m, up to `minutes`. */
const rising = (minutes: number) =>
  Array.from({ length: minutes / 10 + 1 }, (_, k) => ({ at: k * 10 * MIN, levelM: 3 + (k * 10 * 0.1) / 60 }));

describe('riseRateMPerH', () => {
  it('gives 0.1 m/h over 1 h and 3 h for a steady 0.1 m/h rise', () => {
    const samples = rising(240);
    const rates = riseRates(samples, 240 * MIN);
    expect(rates.rise1hMPerH).toBeCloseTo(0.1, 9);
    expect(rates.rise3hMPerH).toBeCloseTo(0.1, 9);
  });

  it('interpolates the window start between readings', () => {
    const samples = [
      { at: 0, levelM: 3 },
      { at: 20 * MIN, levelM: 3.2 },
      { at: 70 * MIN, levelM: 3.5 },
    ];
    // level at 10 min = 3.1, so (3.5 - 3.1) over 1 h
    expect(riseRateMPerH(samples, 70 * MIN, 60 * MIN)).toBeCloseTo(0.4, 9);
  });

  it('is negative for a falling river', () => {
    const samples = [
      { at: 0, levelM: 4 },
      { at: 60 * MIN, levelM: 3.7 },
    ];
    expect(riseRateMPerH(samples, 60 * MIN, 60 * MIN)).toBeCloseTo(-0.3, 9);
  });

  it('is null when the history is shorter than the window', () => {
    expect(riseRates(rising(120), 120 * MIN).rise3hMPerH).toBeNull();
  });

  it('is null when the newest reading is older than the allowed gap', () => {
    expect(riseRateMPerH(rising(120), 200 * MIN, 60 * MIN)).toBeNull();
  });

  it('is null across a gap wider than the allowed one', () => {
    const samples = [
      { at: 0, levelM: 3 },
      { at: 120 * MIN, levelM: 3.2 },
    ];
    expect(levelAt(samples, 60 * MIN)).toBeNull();
    expect(riseRateMPerH(samples, 120 * MIN, 60 * MIN)).toBeNull();
  });
});
