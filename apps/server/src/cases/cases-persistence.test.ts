import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Case } from '@cbo/contracts';
import { buildTestApp } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';
import { congestAndTick, openCongestionCase } from './test-congestion';

const opened: FastifyInstance[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function fileBackedApp(path: string, startAt?: number) {
  const built = await buildTestApp({ DATABASE_PATH: path }, startAt);
  opened.push(built.app);
  return built;
}

describe('alerts and cases across a restart', () => {
  it('keeps cases, their timeline and the firing alert, and opens no second case for it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cbo-cases-'));
    dirs.push(dir);
    const path = join(dir, 'store.duckdb');
    const first = await fileBackedApp(path);
    const c = await openCongestionCase(first.app, first.clock);
    const { cookie } = await signInAs(first.app, 'officer');
    const filed = await first.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      headers: { cookie },
      payload: { type: 'file', revision: c.revision, comment: 'on it' },
    });
    expect(filed.statusCode).toBe(200);
    const restartAt = first.clock.now() + 30_000;
    await first.app.close();
    opened.length = 0;

    const second = await fileBackedApp(path, restartAt);
    congestAndTick(second.app, second.clock, 0, 2.5, restartAt);
    await second.app.cases.idle();
    const congestion = second.app.cases.list().filter((x: Case) => x.kind === 'congestion');
    const detail = second.app.cases.get(c.id);
    expect([
      congestion.length,
      detail?.case.status,
      detail?.events.map((e) => `${e.action}:${e.comment}`),
      second.app.alerts
        .active()
        .filter((a) => a.kind === 'congestion')
        .map((a) => a.key),
    ]).toEqual([1, 'filed', ['open:', 'file:on it'], [`congestion:${c.alerts[0]?.entityId}`]]);
  });

  it('keeps an edited rule version across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cbo-rules-'));
    dirs.push(dir);
    const path = join(dir, 'store.duckdb');
    const first = await fileBackedApp(path);
    const { cookie } = await signInAs(first.app, 'admin');
    const rule = first.app.alerts.rules().find((s) => s.rule.id === 'seg-congestion')?.rule;
    const saved = await first.app.inject({
      method: 'PUT',
      url: '/api/v1/alerts/rules/seg-congestion',
      headers: { cookie },
      payload: { ...rule, forMs: 240_000 },
    });
    expect(saved.statusCode).toBe(200);
    await first.app.close();
    opened.length = 0;
    const second = await fileBackedApp(path);
    const after = second.app.alerts.rules().find((s) => s.rule.id === 'seg-congestion')?.rule;
    expect([after?.version, after?.forMs]).toEqual([2, 240_000]);
  });
});
