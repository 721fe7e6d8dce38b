import type { Database } from './database';

/** One step of the store's schema: applied once, in order of `id`, inside a transaction. */
export interface Migration {
  /** Sortable and unique, e.g. `0001-users`. Never renamed once shipped. */
  id: string;
  statements: readonly string[];
}

/**
 * Applies the migrations not yet applied to `db`, in `id` order, each in its own transaction, and records them
 * in `schema_migrations`. Returns the ids it applied.
 * @throws when two migrations share an id
 */
export async function runMigrations(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const migration of migrations) {
    if (ids.has(migration.id)) throw new Error(`two migrations have the id ${migration.id}`);
    ids.add(migration.id);
  }
  await db.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id VARCHAR PRIMARY KEY, applied_at_ms BIGINT NOT NULL)',
  );
  const applied = new Set(
    (await db.all<{ id: string }>('SELECT id FROM schema_migrations')).map((row) => row.id),
  );
  const done: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    if (applied.has(migration.id)) continue;
    await db.transaction(async (tx) => {
      for (const statement of migration.statements) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations VALUES ($1, $2)', [migration.id, Date.now()]);
    });
    done.push(migration.id);
  }
  return done;
}
