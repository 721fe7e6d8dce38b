import { describe, expect, it } from 'vitest';
import { createTtiForecaster, forecastTti, learnDay, typicalTti } from './create-tti-forecaster';

/** Local midnights (UTC+8): Monday 2026-11-30, Tuesday 2026-12-01, Wednesday 2026-12-02. */
const MONDAY = Date.UTC(2026, 10, 29, 16);
const TUESDAY = MONDAY + 86_400_000;
const WEDNESDAY = TUESDAY + 86_400_000;
const at = (dayStart: number, minute: number): number => dayStart + minute * 60_000;

function flatDay(
  dayStart: number,
  tti: number,
): { dayStart: number; weekend: boolean; areaIds: string[]; tti: Float32Array[] } {
  return { dayStart, weekend: false, areaIds: ['network'], tti: [new Float32Array(1440).fill(tti)] };
}

describe('TTI forecaster', () => {
  it('learns the typical day as the mean of past days of the same type', () => {
    const forecaster = createTtiForecaster();
    learnDay(forecaster, flatDay(MONDAY, 1.2));
    learnDay(forecaster, flatDay(TUESDAY, 1.4));
    expect(typicalTti(forecaster, 'network', at(WEDNESDAY, 600))).toBeCloseTo(1.3, 6);
    expect(typicalTti(forecaster, 'network', at(WEDNESDAY + 3 * 86_400_000, 600))).toBeNull(); // Saturday
  });

  it('forecasts the typical day when today runs as usual', () => {
    const forecaster = createTtiForecaster();
    learnDay(forecaster, flatDay(MONDAY, 1.2));
    const today = new Float32Array(1440).fill(1.2);
    const forecast = forecastTti(forecaster, 'network', at(WEDNESDAY, 600), today);
    expect(forecast.method).toBe('typical-deviation');
    expect(forecast.points.map((p) => p.horizonMinutes)).toEqual([15, 30, 60]);
    for (const point of forecast.points) expect(point.tti).toBeCloseTo(1.2, 6);
  });

  it('carries the current deviation forward, decaying with the horizon', () => {
    const forecaster = createTtiForecaster();
    learnDay(forecaster, flatDay(MONDAY, 1.2));
    const today = new Float32Array(1440).fill(1.8); // 50 % above typical
    const point = forecastTti(forecaster, 'network', at(WEDNESDAY, 600), today, [30]).points[0]!;
    expect(point.tti).toBeCloseTo(1.2 * (1 + 0.5 * Math.exp(-30 / 60)), 5);
    expect(point.at).toBe(at(WEDNESDAY, 630));
  });

  it('falls back to persistence without history', () => {
    const today = new Float32Array(1440).fill(Number.NaN);
    today[600] = 1.7;
    const forecast = forecastTti(createTtiForecaster(), 'network', at(WEDNESDAY, 600), today, [15]);
    expect(forecast.method).toBe('persistence');
    expect(forecast.points[0]!.tti).toBeCloseTo(1.7, 6);
  });

  it('forecasts nothing without history or a current value', () => {
    const today = new Float32Array(1440).fill(Number.NaN);
    const forecast = forecastTti(createTtiForecaster(), 'network', at(WEDNESDAY, 600), today, [15]);
    expect(forecast.method).toBe('none');
    expect(forecast.points[0]!.tti).toBeNull();
  });
});
