import { describe, expect, it } from 'vitest';
import { forecastTimeToWarning } from './time-to-warning';

const MIN = 60_000;
const series = (ratePerH: number, from = 3) =>
  Array.from({ length: 7 }, (_, k) => ({ at: k * 10 * MIN, levelM: from + (k * 10 * ratePerH) / 60 }));

describe('forecastTimeToWarning', () => {
  it('extrapolates a steady 0.2 m/h rise: 3.2 m at 60 min reaches 3.8 m in 3 h', () => {
    const result = forecastTimeToWarning(series(0.2), 60 * MIN, 3.8);
    expect(result.status).toBe('rising');
    expect(result.timeToWarningMs).toBe(180 * MIN);
    expect(result.slopeMPerH).toBeCloseTo(0.2, 9);
  });

  it('subtracts the time since the newest reading', () => {
    expect(forecastTimeToWarning(series(0.2), 70 * MIN, 3.8).timeToWarningMs).toBe(170 * MIN);
  });

  it('is 0 at or above the warning level', () => {
    expect(forecastTimeToWarning(series(0.2), 60 * MIN, 3.2)).toMatchObject({
      status: 'at-or-above',
      timeToWarningMs: 0,
    });
  });

  it('is not rising for a flat or falling river', () => {
    expect(forecastTimeToWarning(series(-0.1), 60 * MIN, 3.8)).toMatchObject({
      status: 'not-rising',
      timeToWarningMs: null,
    });
  });

  it('is insufficient with readings spanning less than 30 min', () => {
    const short = series(0.2).slice(4);
    expect(forecastTimeToWarning(short, 60 * MIN, 3.8).status).toBe('insufficient');
  });

  it('is insufficient when the newest reading is stale', () => {
    expect(forecastTimeToWarning(series(0.2), 120 * MIN, 3.8).status).toBe('insufficient');
  });
});
