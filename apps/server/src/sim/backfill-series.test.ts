import { applyObservation, computeTrafficIndices, createSegmentState } from '@cbo/indices';
import { createTrafficSim } from '@cbo/sim';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createManualClock } from '../pipeline/clock';
import { loadTestCity } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';
import type { FastifyInstance } from 'fastify';
import { backfillTtiSeries } from './backfill-series';

/** 2026-12-02 (a Wednesday) 00:00 in Hangzhou. */
const MIDNIGHT = Date.UTC(2026, 11, 1, 16, 0, 0);
const MINUTE = 60_000;

async function getSeries(app: FastifyInstance) {
  const { cookie } = await signInAs(app, 'analyst');
  return app.inject({ url: '/api/v1/traffic/series', headers: { cookie } });
}

describe('backfillTtiSeries', () => {
  it('gives one point per minute from midnight up to the start time, the morning peak slower than the night', async () => {
    const city = await loadTestCity();
    const to = MIDNIGHT + (8 * 60 + 30) * MINUTE;
    const points = backfillTtiSeries({ city, seed: 1, from: MIDNIGHT, to, freshForMs: 300_000 });
    expect(points).toHaveLength(8 * 60 + 30);
    expect(points[0]!.at).toBe(MIDNIGHT);
    expect(points.at(-1)!.at).toBe(to - MINUTE);
    const at3 = points[3 * 60]!.tti!;
    const at815 = points[8 * 60 + 15]!.tti!;
    expect(at815).toBeGreaterThan(at3 + 0.3);
  });

  it('matches what the live pipeline computes from the same simulator at the same minute', async () => {
    const city = await loadTestCity();
    const at = MIDNIGHT + 7 * 60 * MINUTE;
    const [point] = backfillTtiSeries({ city, seed: 5, from: at, to: at + 1, freshForMs: 300_000 });
    const sim = createTrafficSim(city, { seed: 5 }, at - 300_000);
    const state = createSegmentState(city.segmentCount);
    for (const o of sim.advance(at))
      applyObservation(state, city.segmentIndexById.get(o.segmentId)!, o.observedAt, o.speedKmh, o.flowVph);
    expect(point!.tti).toBe(computeTrafficIndices(city, state, at, { freshForMs: 300_000 }).network.tti);
  });
});

describe('the simulator plugin', () => {
  it('fills the series since local midnight at start-up when SIM_BACKFILL is on', async () => {
    const clock = createManualClock(MIDNIGHT + 90 * MINUTE);
    const app = await buildApp(
      { SIM: 'on', LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:' },
      { clock, city: await loadTestCity(), announceFirstAdmin: () => undefined },
    );
    try {
      const series = (await getSeries(app)).json<{ from: number; points: unknown[] }>();
      expect(series.from).toBe(MIDNIGHT);
      expect(series.points).toHaveLength(90);
    } finally {
      await app.close();
    }
  });

  it('leaves the series empty when SIM_BACKFILL is off', async () => {
    const clock = createManualClock(MIDNIGHT + 90 * MINUTE);
    const app = await buildApp(
      { SIM: 'on', SIM_BACKFILL: 'off', LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:' },
      { clock, city: await loadTestCity(), announceFirstAdmin: () => undefined },
    );
    try {
      expect((await getSeries(app)).json<{ points: unknown[] }>().points).toHaveLength(0);
    } finally {
      await app.close();
    }
  });
});
