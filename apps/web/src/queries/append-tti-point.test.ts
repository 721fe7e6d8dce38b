import { describe, expect, it } from 'vitest';
import { appendTtiPoint } from './append-tti-point';

const FROM = 1_700_000_000_000 - (1_700_000_000_000 % 86_400_000);
const MIN = 60_000;

describe('appendTtiPoint', () => {
  it('appends a reading of a new minute at the start of its minute', () => {
    const series = appendTtiPoint({ from: FROM, points: [{ at: FROM, tti: 1.2 }] }, FROM + MIN + 5_000, 1.4);
    expect(series.points).toEqual([
      { at: FROM, tti: 1.2 },
      { at: FROM + MIN, tti: 1.4 },
    ]);
  });

  it('replaces the last point within the same minute', () => {
    const series = appendTtiPoint({ from: FROM, points: [{ at: FROM, tti: 1.2 }] }, FROM + 30_000, 1.5);
    expect(series.points).toEqual([{ at: FROM, tti: 1.5 }]);
  });

  it('drops a reading older than the last point', () => {
    const before = { from: FROM, points: [{ at: FROM + 2 * MIN, tti: 1.2 }] };
    expect(appendTtiPoint(before, FROM + MIN, 1.9)).toBe(before);
  });

  it('keeps at most maxPoints', () => {
    let series = { from: FROM, points: [] as { at: number; tti: number | null }[] };
    for (let minute = 0; minute < 5; minute += 1)
      series = appendTtiPoint(series, FROM + minute * MIN, minute, 3);
    expect(series.points.map((p) => p.tti)).toEqual([2, 3, 4]);
  });

  it('starts a new day after midnight', () => {
    const series = appendTtiPoint(
      { from: FROM, points: [{ at: FROM, tti: 1.2 }] },
      FROM + 86_400_000 + MIN,
      1.1,
    );
    expect(series).toEqual({ from: FROM + 86_400_000, points: [{ at: FROM + 86_400_000 + MIN, tti: 1.1 }] });
  });
});
