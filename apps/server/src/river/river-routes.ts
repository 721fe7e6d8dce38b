import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  GaugeSeriesSchema,
  RiverEventListSchema,
  RiverNetworkDocumentSchema,
  RiverNowSchema,
} from '@cbo/contracts';
import { localDateOf, localDayRange } from '../history/local-day';
import { riverEventView } from './river-plugin';
import { RiverNotFoundError, RiverQueryError } from './river-errors';

/** Every screen may read the river domain. */
export const RIVER_READ_ROLES = ['officer', 'analyst', 'admin', 'wall'] as const;
/** Default window of the event list, ms. */
const DEFAULT_EVENTS_WINDOW_MS = 24 * 3_600_000;

const SeriesQuery = Type.Object(
  { date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) },
  { additionalProperties: false },
);
const EventsQuery = Type.Object(
  { since: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);

/**
 * Read routes of the river domain: `GET /river/network` (what the map draws), `GET /river/now` (gauges, stations,
 * reaches, counts), `GET /river/gauges/:id/series?date=YYYY-MM-DD` (hydrograph, thresholds, forecast) and
 * `GET /river/events?since=<epoch ms>` (pollution events with their cases, newest first).
 */
export const riverRoutes: FastifyPluginAsync = async (app) => {
  const read = { preHandler: app.requireRole(...RIVER_READ_ROLES) };
  const timeZone = app.city.document.timeZone;

  app.get(
    '/river/network',
    { ...read, schema: { response: { 200: RiverNetworkDocumentSchema } } },
    async () => app.river.network.document,
  );

  app.get('/river/now', { ...read, schema: { response: { 200: RiverNowSchema } } }, async () =>
    app.river.latest(),
  );

  app.get<{ Params: { id: string }; Querystring: { date?: string } }>(
    '/river/gauges/:id/series',
    { ...read, schema: { querystring: SeriesQuery, response: { 200: GaugeSeriesSchema } } },
    async (request) => {
      const now = app.pipeline.clock.now();
      const date = request.query.date ?? localDateOf(now, timeZone);
      let range: { from: number; to: number };
      try {
        range = localDayRange(date, timeZone);
      } catch (error) {
        throw new RiverQueryError((error as Error).message);
      }
      const series = app.river.series(request.params.id, date, range.from, range.to - 1, now);
      if (series === null) throw new RiverNotFoundError(`no gauge ${request.params.id}`);
      return series;
    },
  );

  app.get<{ Querystring: { since?: number } }>(
    '/river/events',
    { ...read, schema: { querystring: EventsQuery, response: { 200: RiverEventListSchema } } },
    async (request) => {
      const now = app.pipeline.clock.now();
      const since = request.query.since ?? now - DEFAULT_EVENTS_WINDOW_MS;
      const cases = app.hasDecorator('cases') ? app.cases.list() : [];
      const events = app.river.events
        .between(since, now + 60_000)
        .reverse()
        .map((event) => riverEventView(event, cases));
      return { events };
    },
  );
};
