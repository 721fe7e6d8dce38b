import Fastify, { type FastifyInstance } from 'fastify';
import type { City } from '@cbo/city';
import { buildApp, createManualClock } from '@cbo/server';

/** Readings per request, as in FACTS.md. */
export const BATCH_SIZE = 1000;
const DISTINCT_BODIES = 16;
const CONCURRENCY = 4;
/** Placeholder for the observation time inside a body template; every request gets a new, later time. */
const TIME_MARK = '"__OBSERVED_AT__"';

/** Ingest throughput of the real app against a bare parse-only route, same bodies, same transport. */
export interface IngestThroughput {
  appReadingsPerSec: number;
  bareReadingsPerSec: number;
  /** app / bare; goal >= 0.5. */
  ratio: number;
}

function buildBodies(city: City): string[] {
  const bodies: string[] = [];
  for (let b = 0; b < DISTINCT_BODIES; b++) {
    const batch = [];
    for (let i = 0; i < BATCH_SIZE; i++) {
      const segment = city.segments[(b * BATCH_SIZE + i) % city.segmentCount]!;
      const speedKmh = Math.round(segment.freeFlowKmh * (0.3 + ((i * 7919) % 70) / 100) * 10) / 10;
      batch.push({ segmentId: segment.id, observedAt: '__OBSERVED_AT__', speedKmh });
    }
    bodies.push(JSON.stringify(batch));
  }
  return bodies;
}

async function buildBareApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 5 * 1024 * 1024 });
  app.post<{ Body: unknown[] }>('/ingest', async (request) => ({ received: request.body.length }));
  await app.ready();
  return app;
}

/** Posts the bodies round-robin for `durationMs` with a few requests in flight; returns readings per second. */
async function drive(
  app: FastifyInstance,
  url: string,
  bodies: string[],
  durationMs: number,
  clock: { next: () => number },
  headers: Record<string, string> = {},
): Promise<number> {
  const endAt = performance.now() + durationMs;
  let requests = 0;
  const worker = async (offset: number): Promise<void> => {
    for (let k = offset; performance.now() < endAt; k += CONCURRENCY) {
      const response = await app.inject({
        method: 'POST',
        url,
        payload: bodies[k % bodies.length]!.replaceAll(TIME_MARK, String(clock.next())),
        headers: { 'content-type': 'application/json', ...headers },
      });
      if (response.statusCode !== 200)
        throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
      requests++;
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, offset) => worker(offset)));
  return (requests * BATCH_SIZE) / ((performance.now() - startedAt) / 1000);
}

/**
 * Measures ingest of 1,000-reading JSON batches through the whole app (content-type parser, compiled per-item
 * validation, segment lookup, state update, response serialisation) against a bare Fastify route that only
 * parses the same body. Both are driven in process with `inject()`, so the transport cost is the same on both
 * sides and the ratio isolates what ingest adds. Rounds alternate to even out drift.
 */
export async function measureIngestThroughput(
  city: City,
  roundMs = 800,
  rounds = 7,
): Promise<IngestThroughput> {
  const startAt = Date.UTC(2026, 0, 15, 2);
  const bodies = buildBodies(city);
  const app = await buildApp(
    {
      SIM: 'off',
      LOG_LEVEL: 'silent',
      WEB_DIST: 'bench/no-web-dist',
      DATABASE_PATH: ':memory:',
      // The bench drives one key far past a real feed's rate; the limiter itself stays in the measured path.
      INGEST_LIMIT_PER_MIN: 1_000_000,
    },
    { clock: createManualClock(startAt), city, announceFirstAdmin: () => undefined },
  );
  // Ingest needs a key with the traffic feed, as in production.
  const { key } = await app.auth.ingestKeys.create({ source: 'bench', feeds: ['traffic'] }, 'bench', startAt);
  const auth = { 'x-api-key': key };
  const bare = await buildBareApp();
  // Every request carries a later time than the one before (in the past of the manual clock), so each reading
  // is applied to the state rather than counted as a duplicate. Both sides pay the same substitution.
  let time = startAt - 10 * 86_400_000;
  const clock = { next: () => ++time };
  try {
    await drive(app, '/api/v1/ingest/traffic', bodies, 300, clock, auth);
    await drive(bare, '/ingest', bodies, 300, clock);
    const ratios: number[] = [];
    let appTotal = 0;
    let bareTotal = 0;
    for (let round = 0; round < rounds; round++) {
      const appRate = await drive(app, '/api/v1/ingest/traffic', bodies, roundMs, clock, auth);
      const bareRate = await drive(bare, '/ingest', bodies, roundMs, clock);
      appTotal += appRate;
      bareTotal += bareRate;
      ratios.push(appRate / bareRate);
    }
    ratios.sort((a, b) => a - b);
    // The median of per-round ratios: one round disturbed by another process on the machine does not decide it.
    const ratio = ratios[Math.floor(ratios.length / 2)]!;
    return { appReadingsPerSec: appTotal / rounds, bareReadingsPerSec: bareTotal / rounds, ratio };
  } finally {
    await app.close();
    await bare.close();
  }
}
