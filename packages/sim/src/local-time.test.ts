import { describe, expect, it } from 'vitest';
import { localDayStart, localTime } from './local-time';

describe('localTime', () => {
  it('places 2026-12-02T00:15Z at 08:15 on Wednesday in UTC+8', () => {
    const local = localTime(Date.UTC(2026, 11, 2, 0, 15), 480);
    expect([local.minuteOfDay, local.dayOfWeek, local.weekend]).toEqual([8 * 60 + 15, 3, false]);
  });

  it('moves to the next local day at 16:00 UTC in UTC+8', () => {
    const local = localTime(Date.UTC(2026, 11, 4, 16, 0), 480);
    expect([local.minuteOfDay, local.dayOfWeek, local.weekend]).toEqual([0, 6, true]);
  });

  it('handles instants before 1970', () => {
    expect(localTime(-1, 0).dayOfWeek).toBe(3);
  });
});

describe('localDayStart', () => {
  it('is local midnight in epoch ms', () => {
    const { day } = localTime(Date.UTC(2026, 11, 2, 3, 0), 480);
    expect(localDayStart(day, 480)).toBe(Date.UTC(2026, 11, 1, 16, 0));
  });
});
