import fp from 'fastify-plugin';
import { createFeedHealthTracker, FEED_STALE_AFTER_MS, type FeedHealthTracker } from '../ingest/feed-health';
import { createIngestService, SIM_SOURCE, type IngestService } from '../ingest/ingest-service';

declare module 'fastify' {
  interface FastifyInstance {
    /** The one way observations enter the state (HTTP route and simulator alike). */
    ingest: IngestService;
    /** Per-feed freshness and rate. */
    feedHealth: FeedHealthTracker;
  }
}

/** Creates the ingest service over the pipeline's segment state, and the feed health tracker it records into. */
export const ingestPlugin = fp(
  async (app) => {
    const { SIM, SIM_SPEED, TICK_MS } = app.config;
    // A tick spans TICK_MS * SIM_SPEED of clock time; a feed that delivers once per tick is not stale between ticks.
    const feedHealth = createFeedHealthTracker({
      expectedFeeds: SIM === 'on' ? [SIM_SOURCE] : [],
      staleAfterMs: Math.max(FEED_STALE_AFTER_MS, 2 * TICK_MS * SIM_SPEED),
    });
    const ingest = createIngestService({
      city: app.city,
      state: app.pipeline.state,
      clock: app.pipeline.clock,
      feedHealth,
      log: app.log.child({ module: 'ingest' }),
    });
    app.decorate('feedHealth', feedHealth);
    app.decorate('ingest', ingest);
  },
  { name: 'cbo-ingest', dependencies: ['cbo-config', 'cbo-city', 'cbo-pipeline'] },
);
