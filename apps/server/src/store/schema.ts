import type { Migration } from './migrations';
import { ALERTS_MIGRATIONS } from '../alerts/alerts-migrations';
import { HISTORY_MIGRATIONS } from '../history/history-migrations';
import { AUTH_MIGRATIONS } from '../auth/auth-migrations';

/**
 * Every migration of the embedded store. Each feature keeps its own migration list beside its repository module
 * and adds it here (one import and one spread per feature).
 */
export const MIGRATIONS: readonly Migration[] = [
  ...ALERTS_MIGRATIONS,
  ...HISTORY_MIGRATIONS,
  ...AUTH_MIGRATIONS,
];
