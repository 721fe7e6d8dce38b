import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock, createScaledClock } from './clock';

afterEach(() => {
  vi.useRealTimers();
});

describe('createScaledClock', () => {
  it('runs speed times faster than real time from its start', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const clock = createScaledClock(60, 1_000_000);
    vi.advanceTimersByTime(1500);
    expect(clock.now()).toBe(1_000_000 + 90_000);
  });

  it('fires its timer on real time', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    const clock = createScaledClock(60, 0);
    let calls = 0;
    const stop = clock.every(1000, () => calls++);
    vi.advanceTimersByTime(3000);
    stop();
    vi.advanceTimersByTime(3000);
    expect(calls).toBe(3);
  });
});

describe('createManualClock', () => {
  it('only moves when set and never fires timers', () => {
    const clock = createManualClock(5);
    let calls = 0;
    clock.every(1, () => calls++);
    clock.set(42);
    expect(clock.now()).toBe(42);
    expect(calls).toBe(0);
  });
});
