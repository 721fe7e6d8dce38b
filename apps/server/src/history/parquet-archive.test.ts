import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHistoryKit, type HistoryKit } from './history-test-kit';
import { importFixtureDays } from './fixture-days';

const T0 = Date.UTC(2026, 0, 15, 2, 0, 0);
const DAY = { from: Date.UTC(2026, 0, 14, 16), to: Date.UTC(2026, 0, 15, 16) };
const kits: HistoryKit[] = [];
const dirs: string[] = [];

async function kit(): Promise<HistoryKit> {
  const k = await createHistoryKit(2_000, T0);
  kits.push(k);
  return k;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cbo-history-'));
  dirs.push(dir);
  return dir;
}

/** Records three ticks, an observation batch and an event; returns the frames as stored. */
async function recordSome(k: HistoryKit): Promise<void> {
  k.tickWith(T0, [[0, 40]]);
  k.tickWith(T0 + 1000, [[1, 12]]);
  k.tickWith(T0 + 2000, [[2, 25]]);
  k.recorder.recordObservations({
    source: 'sim',
    receivedAt: T0,
    segmentIndex: [0, 1],
    observedAt: [T0 - 5, T0 - 4],
    speedKmh: [40, 12],
    flowVph: [Number.NaN, 900],
  });
  k.recorder.recordEvent('alert', 'raised', T0 + 1500, { key: 'a' });
  await k.recorder.flush();
}

afterEach(async () => {
  for (const k of kits.splice(0)) await k.db.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('Parquet day archives', () => {
  it('export then import into an empty store gives the same frames, observations and events', async () => {
    const source = await kit();
    await recordSome(source);
    const path = join(await tempDir(), 'day.parquet');
    expect(await source.store.exportParquet(DAY, path)).toEqual({ frames: 5, observations: 2, events: 1 });
    const target = await kit();
    await target.store.importParquet(path);
    const strip = (frames: Awaited<ReturnType<typeof source.store.framesAfter>>) =>
      frames.map(({ seq, at, kind, frame, tti, now }) => ({
        seq,
        at,
        kind,
        frame: Array.from(frame),
        tti,
        now,
      }));
    expect(strip(await target.store.framesAfter(0, 0, DAY.to))).toEqual(
      strip(await source.store.framesAfter(0, 0, DAY.to)),
    );
    expect(await target.store.observations(DAY)).toEqual(await source.store.observations(DAY));
    expect(await target.store.events(DAY)).toEqual(await source.store.events(DAY));
  });

  it('replaces what the store held in the archive day instead of doubling it', async () => {
    const k = await kit();
    await recordSome(k);
    const path = join(await tempDir(), 'day.parquet');
    await k.store.exportParquet(DAY, path);
    await k.store.importParquet(path);
    expect((await k.store.framesAfter(0, 0, DAY.to)).length).toBe(5);
  });

  it('reports a truncated archive by name and still imports the readable ones', async () => {
    const source = await kit();
    await recordSome(source);
    const dir = await tempDir();
    await source.store.exportParquet(DAY, join(dir, 'a-good.parquet'));
    const bytes = await readFile(join(dir, 'a-good.parquet'));
    await writeFile(join(dir, 'b-truncated.parquet'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = await kit();
    const result = await importFixtureDays(target.store, dir);
    expect(result.imported).toEqual(['a-good.parquet']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.file).toBe('b-truncated.parquet');
    expect((await target.store.framesAfter(0, 0, DAY.to)).length).toBe(5);
  });

  it('refuses a Parquet file that is not a day archive and leaves the store unchanged', async () => {
    const k = await kit();
    await recordSome(k);
    const path = join(await tempDir(), 'other.parquet');
    await k.db.run(`COPY (SELECT 1 AS x) TO '${path}' (FORMAT parquet)`);
    await expect(k.store.importParquet(path)).rejects.toThrow(/missing columns record/);
    expect((await k.store.framesAfter(0, 0, DAY.to)).length).toBe(5);
  });

  it('skips a fixture day the store already has', async () => {
    const k = await kit();
    await recordSome(k);
    const dir = await tempDir();
    await k.store.exportParquet(DAY, join(dir, 'day.parquet'));
    expect((await importFixtureDays(k.store, dir)).skipped).toEqual(['day.parquet']);
  });
});
