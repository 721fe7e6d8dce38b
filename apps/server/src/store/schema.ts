import type { Migration } from './migrations';

/**
 * Every migration of the embedded store. Each feature keeps its own migration list beside its repository module
 * and adds it here (one import and one spread per feature).
 */
export const MIGRATIONS: readonly Migration[] = [];
