import { describe, expect, it } from 'vitest';
import { createSegmentState } from '@cbo/indices';
import { loadTestCity, TEST_START_AT } from '../testing/test-app';
import { createSimulatedDay } from './simulated-day';
import { createTrafficInsights } from './traffic-insights';

const OFFSET = 480;

describe('createSimulatedDay', () => {
  it('simulates minute by minute up to `until`, in slices', async () => {
    const city = await loadTestCity();
    const dayStart = Date.UTC(2026, 0, 14, 16); // 2026-01-15 00:00 in Hangzhou
    const day = createSimulatedDay({
      city,
      seed: 1,
      day: TEST_START_AT,
      until: dayStart + 20 * 60_000,
      freshForMs: 300_000,
      utcOffsetMinutes: OFFSET,
    });
    expect(day.acc.dayStart).toBe(dayStart);
    expect(day.step(15)).toBe(false);
    expect(day.step(15)).toBe(true);
    expect(Number.isNaN(day.acc.networkTti[19]!)).toBe(false);
    expect(Number.isNaN(day.acc.networkTti[20]!)).toBe(true);
    expect(day.record.areaSpeedKmh[0]![0]).toBeGreaterThan(0);
  });

  it("fills today's minutes before the start into the live day without touching later ones", async () => {
    const city = await loadTestCity();
    const service = createTrafficInsights({
      city,
      freshForMs: 300_000,
      utcOffsetMinutes: OFFSET,
      startAt: TEST_START_AT,
      state: createSegmentState(city.segmentCount),
    });
    const dayStart = service.today().acc.dayStart;
    const day = createSimulatedDay({
      city,
      seed: 1,
      day: TEST_START_AT,
      until: dayStart + 10 * 60_000,
      freshForMs: 300_000,
      utcOffsetMinutes: OFFSET,
    });
    day.step(10);
    service.mergeToday(day);
    const { acc } = service.today();
    expect(acc.networkTti[5]).toBe(day.acc.networkTti[5]);
    expect(Number.isNaN(acc.networkTti[600]!)).toBe(true);
  });
});
