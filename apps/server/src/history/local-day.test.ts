import { describe, expect, it } from 'vitest';
import { groupDays } from './history-days';
import { localDateOf, localDayRange } from './local-day';

const bucket = (bucketStart: number) => ({
  bucketStart,
  frames: 1,
  keyframes: 0,
  observations: 0,
  events: 0,
  firstFrameAt: bucketStart,
  lastFrameAt: bucketStart,
});

describe('local days', () => {
  it('starts a Hangzhou day at 16:00 UTC of the day before', () => {
    expect(localDayRange('2026-01-15', 'Asia/Shanghai')).toEqual({
      from: Date.UTC(2026, 0, 14, 16),
      to: Date.UTC(2026, 0, 15, 16),
    });
  });

  it('puts 23:59 and 00:00 local on two days although both are on one UTC date', () => {
    expect(localDateOf(Date.UTC(2026, 0, 15, 15, 59), 'Asia/Shanghai')).toBe('2026-01-15');
    expect(localDateOf(Date.UTC(2026, 0, 15, 16, 0), 'Asia/Shanghai')).toBe('2026-01-16');
  });

  it('makes a day of 23 hours on a daylight-saving change (New York, 2026-03-08)', () => {
    const { from, to } = localDayRange('2026-03-08', 'America/New_York');
    expect(from).toBe(Date.UTC(2026, 2, 8, 5));
    expect(to - from).toBe(23 * 3_600_000);
  });

  it('groups buckets across local midnight into their local days', () => {
    const days = groupDays(
      [bucket(Date.UTC(2026, 0, 15, 15, 45)), bucket(Date.UTC(2026, 0, 15, 16, 0))],
      'Asia/Shanghai',
    );
    expect(days.map((d) => [d.date, d.frames])).toEqual([
      ['2026-01-15', 1],
      ['2026-01-16', 1],
    ]);
  });

  it('rejects a date that does not exist', () => {
    expect(() => localDayRange('2026-02-30', 'Asia/Shanghai')).toThrow(RangeError);
  });
});
