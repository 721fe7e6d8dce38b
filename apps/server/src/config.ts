import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Ajv, type ErrorObject } from 'ajv';
import createError from '@fastify/error';

/** Repository root: relative paths in the configuration are resolved against it, whatever the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The server's whole configuration, one entry per environment variable. This schema is the only definition:
 * the {@link AppConfig} type is derived from it and {@link loadConfig} validates against it.
 */
export const ConfigSchema = Type.Object(
  {
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
    HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
    /** City fixture folder (city.json, districts/water/roads.geojson); relative to the repository root. */
    CITY_DIR: Type.String({ minLength: 1, default: 'fixtures/hangzhou' }),
    /** When > 0, the city is densified with generated streets up to this many segments (load tests). */
    DENSIFY_TO: Type.Integer({ minimum: 0, maximum: 2_000_000, default: 0 }),
    SIM: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
    /** Simulated seconds per real second; > 1 also makes the pipeline's clock run that fast. */
    SIM_SPEED: Type.Number({ minimum: 1, maximum: 3600, default: 1 }),
    SIM_SEED: Type.Integer({ minimum: 0, maximum: 4294967295, default: 1 }),
    /**
     * With the simulator on: the simulated time to start from, RFC 3339 with an offset (e.g.
     * 2026-12-02T07:30:00+08:00). Default: now. The server's clock then runs from there (ADR 0004).
     */
    SIM_START: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
      }),
    ),
    /** With the simulator on: fill today's TTI curve from local midnight to the start time at start-up. */
    SIM_BACKFILL: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
    /**
     * With the simulator on: past days simulated at start-up (in the background) for the typical day, the
     * day comparisons and the forecaster; 0 turns it off (docs/adr/0009).
     */
    TRAFFIC_BACKFILL_DAYS: Type.Integer({ minimum: 0, maximum: 35, default: 7 }),
    TICK_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 1000 }),
    FRESH_FOR_MS: Type.Integer({ minimum: 1000, maximum: 86_400_000, default: 300_000 }),
    /** Built web app (index.html and assets); relative to the repository root. */
    WEB_DIST: Type.String({ minLength: 1, default: 'apps/web/dist' }),
    /** The embedded store's DuckDB file, relative to the repository root; `:memory:` keeps nothing. */
    DATABASE_PATH: Type.String({ minLength: 1, default: 'data/city-brain-ops.duckdb' }),
    /** Evaluate the alert rules at most this often, ms of the server's clock; 0 evaluates on every tick. */
    ALERT_EVERY_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 5000 }),
    /** Folder of alert rule fixtures (`*.json`), seeded into the store when a rule id is not stored yet. */
    RULES_DIR: Type.String({ minLength: 1, default: 'fixtures/rules' }),
    /** Units that cases are dispatched to (JSON, `{ units: Unit[] }`). */
    UNITS_FILE: Type.String({ minLength: 1, default: 'fixtures/units.json' }),
    /** Record observations, frames and events into the history store (docs/history.md). */
    HISTORY: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
    /** Days of history kept; older rows are deleted hourly. 0 keeps everything. */
    HISTORY_RETENTION_DAYS: Type.Integer({ minimum: 0, maximum: 36_500, default: 14 }),
    /** Recorded time between keyframes (full snapshots), ms: bounds the work of a seek. */
    HISTORY_KEYFRAME_MS: Type.Integer({ minimum: 1000, maximum: 3_600_000, default: 300_000 }),
    /** Real time between the recorder's batched writes, ms. */
    HISTORY_FLUSH_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 1000 }),
    /** Recorded days (Parquet) imported at start-up when the store lacks them; relative to the repository root. */
    HISTORY_FIXTURES_DIR: Type.String({ minLength: 1, default: 'fixtures/history' }),
    LOG_LEVEL: Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
      { default: 'info' },
    ),
    INGEST_BODY_LIMIT_BYTES: Type.Integer({
      minimum: 1024,
      maximum: 256 * 1024 * 1024,
      default: 5 * 1024 * 1024,
    }),
    /** Password of the first admin, used only when the store has no user yet; unset: a one-time secret is printed. */
    ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 12, maxLength: 256 })),
    /** Username of the first admin. */
    ADMIN_USERNAME: Type.String({ pattern: '^[a-z0-9._-]{3,32}$', default: 'admin' }),
    /** Lifetime of a sign-in session, hours. */
    SESSION_TTL_HOURS: Type.Number({ minimum: 0.1, maximum: 720, default: 12 }),
    /** Session cookie `Secure` flag: `auto` when the request came over https, `always`, or `never` (tests). */
    COOKIE_SECURE: Type.Union([Type.Literal('auto'), Type.Literal('always'), Type.Literal('never')], {
      default: 'auto',
    }),
    /** Other origins allowed to call the API and open sockets, comma-separated; empty: same origin only. */
    CORS_ORIGINS: Type.String({ default: '' }),
    /** Trust X-Forwarded-* from a reverse proxy (client address and https) when 'on'. */
    TRUST_PROXY: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'off' }),
    /** Sign-in attempts per client address per minute. */
    SIGN_IN_LIMIT_PER_MIN: Type.Integer({ minimum: 1, maximum: 10_000, default: 10 }),
    /** Ingest requests per key per minute (a feed sends about one batch per second; this leaves room). */
    INGEST_LIMIT_PER_MIN: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 60_000 }),
    /** Shared bikes (docs/bikes.md): GBFS ingest, metrics, alerts and streams. */
    BIKES: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
    /**
     * GBFS auto-discovery URLs (gbfs.json, 2.3 or 3.0) polled by the server, comma-separated; `id=url` names a
     * feed (default id: derived from the host). Empty: none (the simulator's feed is added when SIM=on).
     */
    BIKES_GBFS_URLS: Type.String({ default: '' }),
    /** Dockless bikes of the simulated Hangzhou feed (SIM=on); 0 turns the bike simulator off. */
    BIKES_FLEET: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 30_000 }),
    /** Real time between checks of which GBFS files are due (each file is read on its own ttl), ms. */
    BIKES_POLL_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 1000 }),
    /** Largest GBFS document accepted by `POST /ingest/gbfs/...`, bytes (a city's vehicle list is large). */
    BIKES_BODY_LIMIT_BYTES: Type.Integer({
      minimum: 1024,
      maximum: 512 * 1024 * 1024,
      default: 64 * 1024 * 1024,
    }),
  },
  { additionalProperties: false },
);

/** Validated configuration; keys are the environment variable names. */
export type AppConfig = Static<typeof ConfigSchema>;

const CONFIG_KEYS = Object.keys(ConfigSchema.properties) as (keyof AppConfig)[];

/** Thrown at startup when an environment variable is invalid; the message names the variable. */
export const ConfigError = createError<[string]>('CBO_ERR_CONFIG', 'Invalid configuration: %s', 500);

const ajv = new Ajv({ useDefaults: true, coerceTypes: true, allErrors: true, strict: false });
const validateConfig = ajv.compile<AppConfig>(ConfigSchema);

function describeError(error: ErrorObject, raw: Record<string, unknown>): string {
  const key = error.instancePath.split('/')[1] ?? String(error.params['additionalProperty'] ?? '');
  if (error.keyword === 'additionalProperties')
    return `${String(error.params['additionalProperty'])} is not a setting`;
  const got = raw[key] === undefined ? '' : ` (got '${String(raw[key])}')`;
  if (error.keyword === 'anyOf') {
    const allowed = (ConfigSchema.properties[key as keyof AppConfig] as { anyOf?: { const: string }[] })
      .anyOf;
    return `${key} must be one of ${allowed?.map((option) => option.const).join(', ') ?? '?'}${got}`;
  }
  return `${key} ${error.message ?? 'is invalid'}${got}`;
}

/**
 * Reads and validates the configuration. This is the only place that reads `process.env`.
 * @param env - the environment (default `process.env`); only the keys of {@link ConfigSchema} are read
 * @param overrides - values that win over the environment (tests, bench)
 * @throws ConfigError naming each bad variable
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  Object.assign(raw, overrides);
  const candidate = { ...raw };
  if (!validateConfig(candidate)) {
    const messages = (validateConfig.errors ?? [])
      .filter((error) => error.keyword !== 'const')
      .map((error) => describeError(error, raw));
    throw new ConfigError([...new Set(messages)].join('; '));
  }
  if (candidate.SIM_START !== undefined && Number.isNaN(Date.parse(candidate.SIM_START))) {
    throw new ConfigError(`SIM_START is not a valid date-time (got '${candidate.SIM_START}')`);
  }
  return candidate;
}

/** Resolves a configured path: absolute as given, relative against the repository root. */
export function resolveConfigPath(path: string): string {
  return isAbsolute(path) ? path : resolve(REPO_ROOT, path);
}
