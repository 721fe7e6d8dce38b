import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';
import { openCongestionCase } from '../cases/test-congestion';
import type { EvidenceManifest } from './evidence-pack';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** An app with a congestion case on segment 0 (TTI 3 for 10 minutes from TEST_START_AT). */
async function appWithCase() {
  const built = await buildTestApp();
  app = built.app;
  const opened = await openCongestionCase(app, built.clock, 0, TEST_START_AT);
  return { app, clock: built.clock, opened };
}

async function download(target: FastifyInstance, caseId: string, role: 'officer' | 'analyst' | 'wall') {
  const { cookie } = await signInAs(target, role);
  return target.inject({ url: `/api/v1/cases/${caseId}/evidence`, headers: { cookie } });
}

function unpack(body: Buffer): { files: Record<string, Uint8Array>; manifest: EvidenceManifest } {
  const files = unzipSync(new Uint8Array(body));
  return { files, manifest: JSON.parse(strFromU8(files['manifest.json']!)) as EvidenceManifest };
}

describe('GET /cases/:id/evidence', () => {
  it('answers a zip whose manifest lists every other file with its SHA-256', async () => {
    const { app: target, opened } = await appWithCase();
    const response = await download(target, opened.id, 'officer');
    expect([response.statusCode, response.headers['content-type']]).toEqual([200, 'application/zip']);
    const { files, manifest } = unpack(response.rawPayload);
    const hashed = Object.fromEntries(
      Object.entries(files)
        .filter(([path]) => path !== 'manifest.json')
        .map(([path, bytes]) => [path, createHash('sha256').update(bytes).digest('hex')]),
    );
    expect(Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]))).toEqual(hashed);
  });

  it('holds the case files, the charts and the map', async () => {
    const { app: target, opened } = await appWithCase();
    const segmentId = target.city.segments[0]!.id;
    const { manifest } = unpack((await download(target, opened.id, 'analyst')).rawPayload);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      [
        'action-log.csv',
        'case.json',
        `charts/segment-${segmentId.replaceAll(':', '_')}.svg`,
        'map.svg',
        'minutes.csv',
        'observations.csv',
      ].sort(),
    );
  });

  it('covers detection minus 30 minutes to now for an open case', async () => {
    const { app: target, clock, opened } = await appWithCase();
    const { manifest } = unpack((await download(target, opened.id, 'officer')).rawPayload);
    expect([manifest.window.from, manifest.window.to, manifest.window.closedAt]).toEqual([
      opened.detectedAt - 30 * 60_000,
      clock.now() + 1,
      null,
    ]);
  });

  it('lists the raw observations of the case segment in the window', async () => {
    const { app: target, opened } = await appWithCase();
    const { files } = unpack((await download(target, opened.id, 'officer')).rawPayload);
    const lines = strFromU8(files['observations.csv']!).trim().split('\n');
    const segmentId = target.city.segments[0]!.id;
    const speed = (target.city.freeFlowKmh[0]! / 3).toFixed(1);
    expect(lines.length).toBe(1 + 11); // header + one reading a minute for 0..10 min
    expect(lines[1]).toContain(`${new Date(TEST_START_AT).toISOString()},${TEST_START_AT},`);
    expect(lines[1]).toContain(`,${segmentId},`);
    expect(Number(lines[1]!.split(',')[4]).toFixed(1)).toBe(speed);
  });

  it('has TTI 3 in every minute of the chart data', async () => {
    const { app: target, opened } = await appWithCase();
    const { files } = unpack((await download(target, opened.id, 'officer')).rawPayload);
    const rows = strFromU8(files['minutes.csv']!).trim().split('\n').slice(1);
    expect(rows.map((r) => Number(r.split(',').at(-1)))).toEqual(Array(11).fill(3));
  });

  it('carries the action log of the case', async () => {
    const { app: target, opened } = await appWithCase();
    const { files } = unpack((await download(target, opened.id, 'officer')).rawPayload);
    const log = strFromU8(files['action-log.csv']!).trim().split('\n');
    expect(log.slice(1).map((line) => line.split(',')[3])).toEqual(['open']);
  });

  it('draws the case segment on the map and renders the chart as SVG', async () => {
    const { app: target, opened } = await appWithCase();
    const segmentId = target.city.segments[0]!.id;
    const { files } = unpack((await download(target, opened.id, 'officer')).rawPayload);
    expect(strFromU8(files['map.svg']!)).toContain(`data-segment="${segmentId}"`);
    expect(strFromU8(files[`charts/segment-${segmentId.replaceAll(':', '_')}.svg`]!)).toMatch(/^<svg[^>]*>/);
  });

  it('is audited as an export', async () => {
    const { app: target, opened } = await appWithCase();
    await download(target, opened.id, 'analyst');
    const entries = await target.auth.audit.list({ action: 'export' });
    expect(entries.map((e) => e.target)).toEqual([`cases/${opened.id}/evidence`]);
  });

  it('refuses the wall role and answers 404 for an unknown case', async () => {
    const { app: target, opened } = await appWithCase();
    const refused = await download(target, opened.id, 'wall');
    const missing = await download(target, 'C00000000-9999', 'officer');
    expect([refused.statusCode, missing.statusCode]).toEqual([403, 404]);
  });
});
