import { describe, expect, it } from 'vitest';
import { replayDrilldownDay } from './replay-drilldown-day';

const AT = Date.UTC(2026, 0, 14, 2, 7, 42);

describe('replayDrilldownDay', () => {
  it('floors a paused replay to its minute', () => {
    expect(replayDrilldownDay('2026-01-14', { at: AT, playing: false, speed: 60 })).toEqual({
      date: '2026-01-14',
      at: Date.UTC(2026, 0, 14, 2, 7, 0),
    });
  });

  it('floors a replay playing at 1x or 10x to 5 minutes', () => {
    expect(replayDrilldownDay('2026-01-14', { at: AT, playing: true, speed: 10 })?.at).toBe(
      Date.UTC(2026, 0, 14, 2, 5, 0),
    );
  });

  it('floors a replay playing at 600x to 100 minutes of replay (10 real seconds)', () => {
    // 600 x 10 s = 100 min; 2026-01-14 02:00 UTC is 29,472,600 epoch minutes, a multiple of 100.
    expect(replayDrilldownDay('2026-01-14', { at: AT, playing: true, speed: 600 })?.at).toBe(
      Date.UTC(2026, 0, 14, 2, 0, 0),
    );
  });

  it('asks nothing before the replay has a state', () => {
    expect(replayDrilldownDay('2026-01-14', null)).toBeUndefined();
  });
});
