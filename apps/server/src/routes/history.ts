import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  BacktestResultSchema,
  DaySummarySchema,
  DayTimelineSchema,
  DomainMinutesSchema,
  EpochMsSchema,
  HistoryDaysSchema,
  LocalDateSchema,
  TypicalDaySchema,
  type AlertRule,
  type BikesMinute,
  type LocalDate,
  type RiverMinute,
} from '@cbo/contracts';
import { encodeSnapshot } from '@cbo/wire';
import { HISTORY_ROLES } from '../plugins/history';
import { groupDays, summariseDay } from '../history/history-days';
import {
  HistoryArchiveInvalidError,
  HistoryDateError,
  HistoryRuleInvalidError,
  HistoryRuleUnknownError,
} from '../history/history-errors';
import { localDayRange } from '../history/local-day';
import { seekRecordedState } from '../history/replay-cursor';
import { validateRule } from '@cbo/alerts';
import { backtestRule } from '../history/backtest';
import { csvLine, segmentsCsv } from '../history/segments-csv';
import type { TimeRange } from '../history/history-store';
import { evidenceRoutes } from '../evidence/evidence-routes';
import { typicalDay } from '../history/typical-day';

const DateParams = Type.Object({ date: LocalDateSchema });
const AtQuery = Type.Object({ at: EpochMsSchema });
const ImportResultSchema = Type.Object({
  from: EpochMsSchema,
  to: EpochMsSchema,
  frames: Type.Integer(),
  observations: Type.Integer(),
  events: Type.Integer(),
});

/**
 * History REST: recorded days, a day's timeline and summary, the recorded map at an instant (binary snapshot
 * frame, or CSV), the recorded water and bike minute at an instant, Parquet export and import of a day, a case's evidence pack. Replay itself runs over Socket.IO (`replay:command`).
 */
export const historyRoutes: FastifyPluginAsync = async (app) => {
  const read = { preHandler: app.requireRole(...HISTORY_ROLES) };
  const admin = { preHandler: app.requireRole('admin') };
  const { store, timeZone } = app.history;

  function dayRange(date: LocalDate): TimeRange {
    try {
      return localDayRange(date, timeZone);
    } catch {
      throw new HistoryDateError(date);
    }
  }

  app.get('/history/days', { ...read, schema: { response: { 200: HistoryDaysSchema } } }, async () => ({
    timeZone,
    days: groupDays(await store.bucketCounts(), timeZone),
    problems: app.history.problems,
  }));

  app.get<{ Params: { date: string } }>(
    '/history/days/:date/timeline',
    { ...read, schema: { params: DateParams, response: { 200: DayTimelineSchema } } },
    async (request) => {
      const range = dayRange(request.params.date);
      const points = await store.indicesPerMinute(range);
      return {
        date: request.params.date,
        ...range,
        tti: points.map(({ at, tti }) => ({ at, tti })),
        events: await store.events(range),
      };
    },
  );

  app.get<{ Params: { date: string } }>(
    '/history/days/:date/summary',
    { ...read, schema: { params: DateParams, response: { 200: DaySummarySchema } } },
    async (request) => {
      dayRange(request.params.date);
      return summariseDay(store, request.params.date, timeZone);
    },
  );

  app.get<{ Params: { date: string }; Querystring: { at: number } }>(
    '/history/days/:date/domains',
    { ...read, schema: { params: DateParams, querystring: AtQuery, response: { 200: DomainMinutesSchema } } },
    async (request) => {
      const { from, to } = dayRange(request.params.date);
      const at = request.query.at;
      const latest = await store.latestDomainEvents({ from, to: Math.min(to, at + 1) });
      const payload = (kind: string) => latest.find((e) => e.kind === kind)?.payload ?? null;
      return {
        date: request.params.date,
        at,
        river: payload('river') as RiverMinute | null,
        bikes: payload('bikes') as BikesMinute | null,
      };
    },
  );

  app.get<{ Params: { date: string } }>(
    '/history/days/:date/typical',
    { ...read, schema: { params: DateParams, response: { 200: TypicalDaySchema } } },
    async (request) => {
      dayRange(request.params.date);
      return typicalDay(app.trafficInsights.ttiForecaster, request.params.date, timeZone);
    },
  );

  app.get<{ Params: { date: string } }>(
    '/history/days/:date/timeline.csv',
    { ...read, schema: { params: DateParams } },
    async (request, reply) => {
      const range = dayRange(request.params.date);
      let csv = csvLine(['at', 'network_tti', 'network_tpi']);
      for (const p of await store.indicesPerMinute(range))
        csv += csvLine([new Date(p.at).toISOString(), p.tti, p.tpi]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tti-${request.params.date}.csv"`)
        .send(csv);
    },
  );

  app.get<{ Querystring: { at: number } }>(
    '/history/frame',
    { ...read, schema: { querystring: AtQuery } },
    async (request, reply) => {
      const state = await seekRecordedState(store, request.query.at, app.city.segmentCount);
      const frame = encodeSnapshot({
        seq: 0,
        at: request.query.at,
        segmentsHash: state.segmentsHash,
        speeds: state.speeds,
      });
      return reply
        .type('application/octet-stream')
        .header('x-cbo-frame-at', String(state.frameAt ?? ''))
        .send(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength));
    },
  );

  app.get<{ Querystring: { at: number } }>(
    '/history/segments.csv',
    { ...read, schema: { querystring: AtQuery } },
    async (request, reply) => {
      const state = await seekRecordedState(store, request.query.at, app.city.segmentCount);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="segments-${request.query.at}.csv"`)
        .send(segmentsCsv(app.city, state.speeds, request.query.at));
    },
  );

  app.get<{ Params: { date: string } }>(
    '/history/days/:date/export.parquet',
    { ...read, schema: { params: DateParams } },
    async (request, reply) => {
      const range = dayRange(request.params.date);
      const dir = await mkdtemp(join(tmpdir(), 'cbo-export-'));
      try {
        const path = join(dir, 'day.parquet');
        await app.history.recorder?.flush();
        await store.exportParquet(range, path);
        const bytes = await readFile(path);
        await app.recordAudit(request, {
          action: 'export',
          target: `history/${request.params.date}.parquet`,
        });
        return reply
          .type('application/vnd.apache.parquet')
          .header(
            'content-disposition',
            `attachment; filename="${app.city.document.id}-${request.params.date}.parquet"`,
          )
          .send(bytes);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.post<{ Body: { date: string; ruleId?: string; rule?: AlertRule } }>(
    '/history/backtest',
    {
      ...read,
      schema: {
        body: Type.Object({
          date: LocalDateSchema,
          ruleId: Type.Optional(Type.String()),
          /** An edited rule; checked by `validateRule` of @cbo/alerts (the schema is recursive). */
          rule: Type.Optional(Type.Unknown()),
        }),
        response: { 200: BacktestResultSchema },
      },
    },
    async (request) => {
      dayRange(request.body.date);
      const edited = request.body.rule === undefined ? undefined : validateRule(request.body.rule);
      if (edited && 'errors' in edited) throw new HistoryRuleInvalidError(edited.errors.join('; '));
      const rule =
        (edited && 'rule' in edited ? edited.rule : undefined) ??
        app.alerts.rules().find((r) => r.rule.id === request.body.ruleId)?.rule;
      if (!rule) throw new HistoryRuleUnknownError(request.body.ruleId ?? '(none)');
      return backtestRule(store, app.city, request.body.date, rule);
    },
  );

  await app.register(evidenceRoutes);

  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['application/vnd.apache.parquet', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: 512 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/history/import',
      { ...admin, schema: { response: { 200: ImportResultSchema } } },
      async (request) => {
        const dir = await mkdtemp(join(tmpdir(), 'cbo-import-'));
        try {
          const path = join(dir, 'day.parquet');
          await writeFile(path, request.body as Buffer);
          try {
            return await store.importParquet(path);
          } catch (error) {
            throw new HistoryArchiveInvalidError((error as Error).message.replace(path, 'upload'));
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );
  });
};
