import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';
import { runMigrations } from './migrations';

const opened: Database[] = [];
const dirs: string[] = [];

async function open(path = ':memory:'): Promise<Database> {
  const db = await openDatabase(path);
  opened.push(db);
  return db;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cbo-store-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the embedded store', () => {
  it('returns BIGINTs that fit a double as numbers', async () => {
    const db = await open();
    await db.run('CREATE TABLE t (id VARCHAR, at_ms BIGINT)');
    await db.run('INSERT INTO t VALUES ($1, $2)', ['a', 1_764_806_400_123]);
    expect(await db.all('SELECT * FROM t')).toEqual([{ id: 'a', at_ms: 1_764_806_400_123 }]);
  });

  it('rolls a failed transaction back whole', async () => {
    const db = await open();
    await db.run('CREATE TABLE t (id VARCHAR PRIMARY KEY)');
    await expect(
      db.transaction(async (tx) => {
        await tx.run("INSERT INTO t VALUES ('a')");
        await tx.run("INSERT INTO t VALUES ('a')");
      }),
    ).rejects.toThrow(/constraint/i);
    expect(await db.all('SELECT * FROM t')).toEqual([]);
  });

  it('does not interleave a transaction with statements queued while it runs', async () => {
    const db = await open();
    await db.run('CREATE TABLE t (n INTEGER)');
    const tx = db.transaction(async (t) => {
      await t.run('INSERT INTO t VALUES (1)');
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('abort');
    });
    const outside = db.run('INSERT INTO t VALUES (2)');
    await expect(tx).rejects.toThrow('abort');
    await outside;
    expect(await db.all('SELECT n FROM t')).toEqual([{ n: 2 }]);
  });

  it('appends rows in bulk through the Appender', async () => {
    const db = await open();
    await db.run('CREATE TABLE t (id VARCHAR, n INTEGER)');
    await db.append('t', (appender) => {
      for (let i = 0; i < 1000; i++) {
        appender.appendVarchar(`s${i}`);
        appender.appendInteger(i);
        appender.endRow();
      }
    });
    expect(await db.all('SELECT count(*)::INTEGER AS n, sum(n)::INTEGER AS total FROM t')).toEqual([
      { n: 1000, total: 499_500 },
    ]);
  });

  it('keeps what was written across a close and reopen of the file', async () => {
    const path = join(await tempDir(), 'nested', 'store.duckdb');
    const first = await openDatabase(path);
    await first.run('CREATE TABLE t (id VARCHAR)');
    await first.run("INSERT INTO t VALUES ('kept')");
    await first.close();
    const second = await open(path);
    expect(await second.all('SELECT id FROM t')).toEqual([{ id: 'kept' }]);
  });

  it('names the path when the file is not a database', async () => {
    const path = join(await tempDir(), 'junk.duckdb');
    await writeFile(path, 'this is not a database file, just text that is long enough to be read');
    await expect(openDatabase(path)).rejects.toThrow(`cannot open the store at ${path}`);
  });
});

describe('runMigrations', () => {
  const migrations = [
    { id: '0002-b', statements: ['ALTER TABLE a ADD COLUMN extra INTEGER'] },
    { id: '0001-a', statements: ['CREATE TABLE a (id VARCHAR)'] },
  ];

  it('applies pending migrations in id order, once', async () => {
    const db = await open();
    expect(await runMigrations(db, migrations)).toEqual(['0001-a', '0002-b']);
    expect(await runMigrations(db, migrations)).toEqual([]);
    expect(
      (await db.all("SELECT column_name FROM information_schema.columns WHERE table_name = 'a'")).length,
    ).toBe(2);
  });

  it('refuses two migrations with one id', async () => {
    const db = await open();
    await expect(runMigrations(db, [migrations[1]!, migrations[1]!])).rejects.toThrow(
      /two migrations have the id 0001-a/,
    );
  });
});
