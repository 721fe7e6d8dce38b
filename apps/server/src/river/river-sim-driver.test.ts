import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('river simulator driver (SIM=on)', () => {
  it("fills today's hydrographs from local midnight and keeps them going on the pipeline's clock", async () => {
    const built = await buildTestApp({ SIM: 'on', SIM_BACKFILL: 'off', TRAFFIC_BACKFILL_DAYS: 0 });
    app = built.app;
    const g = app.river.network.gaugeIndexById.get('g-grand-gouzhuang')!;
    // 10:00 local: every gauge reports every 5 min, so about 120 readings since midnight (02:00 UTC is 10:00).
    const before = [...app.river.state.levels(g)];
    expect(before.length).toBeGreaterThanOrEqual(119);
    expect(before[0]!.at).toBeGreaterThanOrEqual(TEST_START_AT - 10 * 3_600_000);
    expect(before.every((s) => s.source === 'sim')).toBe(true);
    built.clock.set(TEST_START_AT + 600_000);
    app.pipeline.tickNow();
    expect(app.river.state.levels(g).length).toBe(before.length + 2);
    const now = app.river.latest();
    expect(now.gauges.every((x) => x.fresh)).toBe(true);
    expect(now.stationsUnknownClass).toBe(0);
    expect(now.rainByDistrict.length).toBe(app.city.districtIds.length);
  });
});
