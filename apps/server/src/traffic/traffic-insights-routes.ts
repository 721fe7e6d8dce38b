import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  AreaTodaySchema,
  DRILLDOWN_KINDS,
  IncidentListSchema,
  SegmentObservationsSchema,
  StreetMetricsSchema,
  TrafficDayReportSchema,
  TrafficEventListSchema,
  TrafficInsightsSchema,
  type DrilldownKind,
} from '@cbo/contracts';
import { BadRequestError } from '../errors';
import { ForbiddenError } from '../auth/auth-errors';
import { HISTORY_ROLES } from '../plugins/history';
import { buildAreaPastDay } from './area-past-day';
import { buildAreaToday } from './area-today';
import { isCalendarDate } from './traffic-day-archive';
import { readSegmentObservations } from './segment-observations';
import { TrafficNotFoundError } from './traffic-errors';

/** Every screen may read the traffic insights. */
export const TRAFFIC_READ_ROLES = ['officer', 'analyst', 'admin', 'wall'] as const;
/** Default window of the observation and event lists, ms. */
const DEFAULT_WINDOW_MS = 3_600_000;

const WindowQuery = Type.Object(
  { from: Type.Optional(Type.Integer({ minimum: 0 })), to: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);

const AreaDayQuery = Type.Object(
  {
    /** A past local date `YYYY-MM-DD` (the replayed day); default today. */
    date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    /** With `date`: the time the drill-down is as of (the replay's time), epoch ms; default the day's end. */
    at: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

/**
 * Read routes of the traffic insights: `GET /traffic/insights`, `/traffic/streets`, `/traffic/incidents`,
 * `/traffic/day/:date`, `/traffic/areas/:kind/:id/today`, `/traffic/segments/:id/observations`,
 * `/traffic/events`.
 */
export const trafficInsightsRoutes: FastifyPluginAsync = async (app) => {
  const read = { preHandler: app.requireRole(...TRAFFIC_READ_ROLES) };
  const insights = app.trafficInsights;
  const windowOf = (query: { from?: number; to?: number }): { from: number; to: number } => {
    const to = query.to ?? app.pipeline.clock.now();
    return { from: query.from ?? to - DEFAULT_WINDOW_MS, to };
  };

  app.get('/traffic/insights', { ...read, schema: { response: { 200: TrafficInsightsSchema } } }, async () =>
    insights.latest(),
  );
  app.get('/traffic/streets', { ...read, schema: { response: { 200: StreetMetricsSchema } } }, async () =>
    insights.streets(),
  );
  app.get('/traffic/incidents', { ...read, schema: { response: { 200: IncidentListSchema } } }, async () =>
    insights.incidents(),
  );
  app.get<{ Params: { date: string } }>(
    '/traffic/day/:date',
    { ...read, schema: { response: { 200: TrafficDayReportSchema } } },
    async (request) => {
      const { date } = request.params;
      if (!isCalendarDate(date)) throw new BadRequestError(`date: '${date}' is not a date (YYYY-MM-DD)`);
      const report = insights.dayReport(date);
      if (!report) throw new TrafficNotFoundError(`no traffic figures for ${date}`);
      return report;
    },
  );
  app.get<{ Params: { kind: string; id: string }; Querystring: { date?: string; at?: number } }>(
    '/traffic/areas/:kind/:id/today',
    { ...read, schema: { querystring: AreaDayQuery, response: { 200: AreaTodaySchema } } },
    async (request) => {
      const { kind, id } = request.params;
      const { date, at } = request.query;
      if (!(DRILLDOWN_KINDS as readonly string[]).includes(kind)) {
        throw new BadRequestError(`kind: must be one of ${DRILLDOWN_KINDS.join(', ')}`);
      }
      if (date !== undefined && date !== insights.today().acc.date) {
        if (!isCalendarDate(date)) throw new BadRequestError(`date: '${date}' is not a date (YYYY-MM-DD)`);
        // A past day is history: the wall sees today only.
        const role = request.actor?.role;
        if (!HISTORY_ROLES.some((allowed) => allowed === role))
          throw new ForbiddenError(HISTORY_ROLES.join(', '));
        const store = app.hasDecorator('history') ? app.history.store : null;
        const past = await buildAreaPastDay(
          { service: insights, store },
          kind as DrilldownKind,
          id,
          date,
          at,
        );
        if (!past) throw new TrafficNotFoundError(`no ${kind} '${id}' recorded on ${date}`);
        return past;
      }
      const today = buildAreaToday(insights, app.pipeline.state, kind as DrilldownKind, id);
      if (!today) throw new TrafficNotFoundError(`no ${kind} '${id}'`);
      return today;
    },
  );
  app.get<{ Params: { id: string }; Querystring: { from?: number; to?: number } }>(
    '/traffic/segments/:id/observations',
    { ...read, schema: { querystring: WindowQuery, response: { 200: SegmentObservationsSchema } } },
    async (request) => {
      const index = app.city.segmentIndexById.get(request.params.id);
      if (index === undefined) throw new TrafficNotFoundError(`no segment '${request.params.id}'`);
      const { from, to } = windowOf(request.query);
      return readSegmentObservations(app, index, from, to);
    },
  );
  app.get<{ Querystring: { from?: number; to?: number } }>(
    '/traffic/events',
    { ...read, schema: { querystring: WindowQuery, response: { 200: TrafficEventListSchema } } },
    async (request) => {
      const { from, to } = windowOf(request.query);
      return { from, to, events: insights.events.between(from, to) };
    },
  );
};
