import { describe, expect, it } from 'vitest';
import { createTtiSeriesRecorder, localMidnight } from './tti-series';

const SHANGHAI = 'Asia/Shanghai';

describe('localMidnight', () => {
  it('is 16:00 UTC of the previous day for Shanghai', () => {
    expect(localMidnight(Date.UTC(2026, 0, 15, 2, 30, 15, 250), SHANGHAI)).toBe(Date.UTC(2026, 0, 14, 16));
  });

  it('is the same instant at exactly local midnight', () => {
    expect(localMidnight(Date.UTC(2026, 0, 14, 16), SHANGHAI)).toBe(Date.UTC(2026, 0, 14, 16));
  });
});

describe('createTtiSeriesRecorder', () => {
  it('starts a new series when the local day changes', () => {
    const series = createTtiSeriesRecorder(SHANGHAI);
    series.record(Date.UTC(2026, 0, 14, 15, 59), 1.5);
    series.record(Date.UTC(2026, 0, 14, 16, 0, 30), 1.2);
    expect(series.read()).toEqual({
      from: Date.UTC(2026, 0, 14, 16),
      points: [{ at: Date.UTC(2026, 0, 14, 16), tti: 1.2 }],
    });
  });

  it('keeps at most one point per minute of the day', () => {
    const series = createTtiSeriesRecorder(SHANGHAI);
    const midnight = Date.UTC(2026, 0, 14, 16);
    for (let minute = 0; minute < 1440; minute += 1) series.record(midnight + minute * 60_000 + 5_000, 1);
    expect(series.read().points).toHaveLength(1440);
  });

  it('ignores a tick older than the newest point', () => {
    const series = createTtiSeriesRecorder(SHANGHAI);
    const midnight = Date.UTC(2026, 0, 14, 16);
    series.record(midnight + 120_000, 1.4);
    series.record(midnight + 60_000, 1.9);
    expect(series.read().points).toEqual([{ at: midnight + 120_000, tti: 1.4 }]);
  });
});
