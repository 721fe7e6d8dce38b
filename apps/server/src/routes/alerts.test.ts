import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AlertRule } from '@cbo/contracts';
import { buildTestApp } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function adminApp() {
  ({ app } = await buildTestApp());
  const { cookie } = await signInAs(app, 'admin');
  const rule = app.alerts.rules().find((s) => s.rule.id === 'seg-congestion')?.rule as AlertRule;
  return { app, cookie, rule };
}

describe('alert rule routes', () => {
  it('seeds the rules of the fixture folder as version 1', async () => {
    const { app: target, cookie } = await adminApp();
    const body = (await target.inject({ url: '/api/v1/alerts/rules', headers: { cookie } })).json<{
      rules: { rule: AlertRule; savedBy: string }[];
    }>();
    const seg = body.rules.find((s) => s.rule.id === 'seg-congestion');
    expect([seg?.rule.version, seg?.savedBy]).toEqual([1, 'fixture']);
  });

  it('refuses a bad rule with 400 and errors that explain each problem', async () => {
    const { app: target, cookie, rule } = await adminApp();
    const response = await target.inject({
      method: 'PUT',
      url: '/api/v1/alerts/rules/seg-congestion',
      headers: { cookie },
      payload: { ...rule, when: { metric: 'ttl', op: '>=', value: 2 } },
    });
    const body = response.json<{ code: string; errors: string[] }>();
    expect([response.statusCode, body.code]).toEqual([400, 'CBO_ERR_RULE_INVALID']);
    expect(body.errors[0]).toMatch(/^when\.metric: unknown metric 'ttl' for domain 'traffic'/);
  });

  it('saves an edit as the next version', async () => {
    const { app: target, cookie, rule } = await adminApp();
    const response = await target.inject({
      method: 'PUT',
      url: '/api/v1/alerts/rules/seg-congestion',
      headers: { cookie },
      payload: { ...rule, severity: 'orange' },
    });
    expect([response.statusCode, response.json<{ rule: AlertRule }>().rule.version]).toEqual([200, 2]);
  });

  it('answers 409 to an edit of an outdated version, with the current rule', async () => {
    const { app: target, cookie, rule } = await adminApp();
    const put = (severity: string) =>
      target.inject({
        method: 'PUT',
        url: '/api/v1/alerts/rules/seg-congestion',
        headers: { cookie },
        payload: { ...rule, severity },
      });
    await put('orange');
    const stale = await put('red');
    const body = stale.json<{ code: string; current: { rule: AlertRule } }>();
    expect([stale.statusCode, body.code, body.current.rule.severity]).toEqual([
      409,
      'CBO_ERR_RULE_CONFLICT',
      'orange',
    ]);
  });

  it('forbids rule edits to an officer', async () => {
    ({ app } = await buildTestApp());
    const { cookie } = await signInAs(app, 'officer');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/alerts/rules/validate',
      headers: { cookie },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
  });
});
