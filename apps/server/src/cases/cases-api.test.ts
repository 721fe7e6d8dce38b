import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Case, CaseDetail } from '@cbo/contracts';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';
import { openCongestionCase } from './test-congestion';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function act(target: FastifyInstance, cookie: string, c: Pick<Case, 'id' | 'revision'>, body: object) {
  return target.inject({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/actions`,
    headers: { cookie },
    payload: { revision: c.revision, ...body },
  });
}

describe('cases REST', () => {
  it('opens a case in detected when a segment stays congested for the rule duration', async () => {
    const built = await buildTestApp();
    app = built.app;
    const opened = await openCongestionCase(app, built.clock);
    const { cookie } = await signInAs(app, 'officer');
    const detail = (
      await app.inject({ url: `/api/v1/cases/${opened.id}`, headers: { cookie } })
    ).json<CaseDetail>();
    expect([
      detail.case.status,
      detail.case.kind,
      detail.case.severity,
      detail.events.map((e) => e.action),
    ]).toEqual(['detected', 'congestion', 'yellow', ['open']]);
  });

  it('drives a case from filing to closure, recording the officer on every transition', async () => {
    const built = await buildTestApp();
    app = built.app;
    let c = await openCongestionCase(app, built.clock);
    const { cookie, actor } = await signInAs(app, 'officer');
    const steps = [
      { type: 'file', comment: 'confirmed on camera' },
      { type: 'dispatch', unitId: 'tp-xihu' },
      { type: 'start' },
      { type: 'report', result: 'broken-down truck towed' },
      { type: 'verify' },
      { type: 'close' },
    ];
    for (const step of steps) {
      const response = await act(app, cookie, c, step);
      expect(response.statusCode).toBe(200);
      c = response.json<{ case: Case }>().case;
    }
    const detail = (
      await app.inject({ url: `/api/v1/cases/${c.id}`, headers: { cookie } })
    ).json<CaseDetail>();
    expect(detail.events.slice(1).map((e) => [e.action, e.to, e.actor])).toEqual([
      ['file', 'filed', actor.name],
      ['dispatch', 'dispatched', actor.name],
      ['start', 'handling', actor.name],
      ['report', 'reported', actor.name],
      ['verify', 'verified', actor.name],
      ['close', 'closed', actor.name],
    ]);
  });

  it('lets one of two officers acting on the same revision win; the other gets 409 and the current case', async () => {
    const built = await buildTestApp();
    app = built.app;
    const c = await openCongestionCase(app, built.clock);
    const first = await signInAs(app, 'officer');
    const second = await signInAs(app, 'officer');
    const [a, b] = await Promise.all([
      act(app, first.cookie, c, { type: 'file' }),
      act(app, second.cookie, c, { type: 'dismiss', reason: 'duplicate' }),
    ]);
    const loser = b.statusCode === 409 ? b : a;
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const body = loser.json<{ code: string; message: string; case: Case }>();
    expect([body.code, body.case.revision]).toEqual(['CBO_ERR_CASE_CONFLICT', 1]);
    expect(body.message).toContain('you acted on revision 0, it is now revision 1');
  });

  it('refuses an illegal transition with 422, naming the allowed actions', async () => {
    const built = await buildTestApp();
    app = built.app;
    const c = await openCongestionCase(app, built.clock);
    const { cookie } = await signInAs(app, 'officer');
    const response = await act(app, cookie, c, { type: 'close' });
    expect([response.statusCode, response.json<{ message: string }>().message]).toEqual([
      422,
      'cannot close a case that is detected; allowed: file, auto-resolve, dismiss, comment, attach-alert',
    ]);
  });

  it('escalates a dispatched case once its SLA has passed on the manual clock', async () => {
    const built = await buildTestApp();
    app = built.app;
    let c = await openCongestionCase(app, built.clock);
    const { cookie } = await signInAs(app, 'officer');
    c = (await act(app, cookie, c, { type: 'file' })).json<{ case: Case }>().case;
    c = (await act(app, cookie, c, { type: 'dispatch', unitId: 'tp-xihu', slaMs: 600_000 })).json<{
      case: Case;
    }>().case;
    const dueAt = c.dueAt as number;
    built.clock.set(dueAt + 1);
    app.pipeline.tickNow(dueAt + 1);
    await app.cases.idle();
    const detail = app.cases.get(c.id) as CaseDetail;
    expect([detail.case.escalationLevel, detail.events.at(-1)?.action, detail.events.at(-1)?.actor]).toEqual([
      1,
      'escalate',
      'system',
    ]);
  });

  it('answers 401 without a session and 403 to the wall role on an action', async () => {
    const built = await buildTestApp();
    app = built.app;
    const c = await openCongestionCase(app, built.clock);
    const wall = await signInAs(app, 'wall');
    const anonymous = await app.inject({ url: '/api/v1/cases' });
    const forbidden = await act(app, wall.cookie, c, { type: 'file' });
    expect([anonymous.statusCode, forbidden.statusCode]).toEqual([401, 403]);
  });

  it('serves a segment’s per-minute readings behind its alert', async () => {
    const built = await buildTestApp();
    app = built.app;
    await openCongestionCase(app, built.clock, 0, TEST_START_AT);
    const { cookie } = await signInAs(app, 'officer');
    const id = (app.city.segments[0] as { id: string }).id;
    const body = (
      await app.inject({ url: `/api/v1/ops/segments/${id}/readings`, headers: { cookie } })
    ).json<{
      points: { at: number; tti: number | null }[];
    }>();
    expect(body.points.map((p) => [p.at - TEST_START_AT, Number(p.tti?.toFixed(2))])).toEqual(
      Array.from({ length: 11 }, (_, minute) => [minute * 60_000, 3]),
    );
  });
});
