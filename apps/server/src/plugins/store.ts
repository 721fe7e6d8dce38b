import fp from 'fastify-plugin';
import { resolveConfigPath } from '../config';
import { openDatabase, type Database } from '../store/database';
import { runMigrations } from '../store/migrations';
import { MIGRATIONS } from '../store/schema';

declare module 'fastify' {
  interface FastifyInstance {
    /** The embedded store (DuckDB): migrated at start-up, closed with the app. */
    store: Database;
  }
}

/** Opens the store at DATABASE_PATH (`:memory:` for a throw-away one) and brings its schema up to date. */
export const storePlugin = fp(
  async (app) => {
    const { DATABASE_PATH } = app.config;
    const path = DATABASE_PATH === ':memory:' ? DATABASE_PATH : resolveConfigPath(DATABASE_PATH);
    const store = await openDatabase(path);
    const applied = await runMigrations(store, MIGRATIONS);
    app.log.info({ module: 'store', path, applied }, 'store open');
    app.decorate('store', store);
    app.addHook('onClose', async () => store.close());
  },
  { name: 'cbo-store', dependencies: ['cbo-config'] },
);
