import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';

/** Parameters of a statement: positional (`$1`) or named (`$name`). */
export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

/** A row as plain JavaScript values; BIGINTs that fit a double come back as numbers. */
export type Row = Record<string, unknown>;

/**
 * The embedded store's connection: one DuckDB file per process (DuckDB allows one process per file). Every call
 * runs on one connection, one at a time, so a transaction is never interleaved with another caller's statements.
 */
export interface Database {
  /** Where the database lives: a file path, or `:memory:`. */
  readonly path: string;
  /** Runs a statement that returns no rows. */
  run(sql: string, params?: SqlParams): Promise<void>;
  /** Runs a query and returns every row. */
  all<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Runs `work` inside BEGIN ... COMMIT; a throw rolls back and rethrows. Nested calls are not supported. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Appends rows in bulk through DuckDB's Appender (never per-row INSERT for streams of rows): `fill` is called
   * with the appender, appends rows and ends each with `endRow()`; the rows are flushed when it returns.
   */
  append(table: string, fill: (appender: DuckDBAppender) => void): Promise<void>;
  close(): Promise<void>;
}

/** Statements inside a transaction. */
export interface Transaction {
  run(sql: string, params?: SqlParams): Promise<void>;
  all<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]>;
}

function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value;
  }
  return value;
}

async function readAll<T extends Row>(
  connection: DuckDBConnection,
  sql: string,
  params?: SqlParams,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJS().map((row) => {
    const plain: Row = {};
    for (const [key, value] of Object.entries(row)) plain[key] = toPlain(value);
    return plain as T;
  });
}

/**
 * Opens (creating if needed) the DuckDB database at `path`, or an in-memory one for `:memory:`.
 * @throws when the file is held by another process or is not a DuckDB database; the message names the path
 */
export async function openDatabase(path: string): Promise<Database> {
  if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (error) {
    throw new Error(`cannot open the store at ${path}: ${(error as Error).message}`, { cause: error });
  }
  const connection = await instance.connect();
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `job` after every job queued before it. */
  function serialize<T>(job: () => Promise<T>): Promise<T> {
    const result = queue.then(job, job);
    queue = result.catch(() => undefined);
    return result;
  }

  const direct: Transaction = {
    run: async (sql, params) => {
      await connection.run(sql, params);
    },
    all: (sql, params) => readAll(connection, sql, params),
  };

  return {
    path,
    run: (sql, params) => serialize(() => direct.run(sql, params)),
    all: (sql, params) => serialize(() => direct.all(sql, params)),
    transaction: (work) =>
      serialize(async () => {
        await connection.run('BEGIN TRANSACTION');
        try {
          const result = await work(direct);
          await connection.run('COMMIT');
          return result;
        } catch (error) {
          await connection.run('ROLLBACK');
          throw error;
        }
      }),
    append: (table, fill) =>
      serialize(async () => {
        const appender = await connection.createAppender(table);
        try {
          fill(appender);
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
      }),
    close: () =>
      serialize(async () => {
        connection.closeSync();
        instance.closeSync();
      }),
  };
}
