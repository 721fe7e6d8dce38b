import type { ActiveAlert, AlertEvent, AlertRule, Silence, StoredRule } from '@cbo/contracts';
import {
  activeAlerts,
  createRuleEngine,
  evaluate,
  mergeEvaluationInputs,
  validateRule,
  type EvaluationInput,
  type RuleEngine,
} from '@cbo/alerts';
import type { FastifyBaseLogger } from 'fastify';
import type { AlertsRepository } from './alerts-repository';

/** Pending-only changes of the engine state are saved at most this often, ms. */
const STATE_SAVE_EVERY_MS = 10_000;

/** Gives part of a tick's rule engine input (traffic, river, bikes, forecasts...). */
export type InputProvider = (now: number) => EvaluationInput;

/** Why a rule was not saved. */
export type RuleSaveRefusal =
  { kind: 'invalid'; errors: string[] } | { kind: 'conflict'; message: string; current: StoredRule };

/** The live rule engine: rules and silences from the store, one evaluation per tick, state saved after each. */
export interface AlertService {
  /** Adds a provider whose entities join every evaluation; returns a function that removes it. */
  registerInputs(provider: InputProvider): () => void;
  /** Calls `listener` with the events of every evaluation that produced some; returns an unsubscribe. */
  onEvent(listener: (events: readonly AlertEvent[]) => void): () => void;
  /** Evaluates every rule at `now` on the inputs of every provider; saves the state in the background. */
  evaluateNow(now: number): AlertEvent[];
  /** Firing alerts, most severe first. */
  active(): ActiveAlert[];
  rules(): StoredRule[];
  ruleVersions(id: string): Promise<StoredRule[]>;
  /**
   * Saves a rule as the next version. `input.version` must be the version the editor started from (any for a
   * new rule); the stored version is one more. Takes effect at the next evaluation; its state carries over.
   */
  saveRule(input: unknown, savedBy: string, at: number): Promise<{ stored: StoredRule } | RuleSaveRefusal>;
  /** Checks a rule without saving it (the version is not checked against the store). */
  checkRule(input: unknown): string[];
  silences(): Silence[];
  saveSilence(silence: Silence): Promise<void>;
  deleteSilence(id: string): Promise<boolean>;
  /** Resolves when every background write so far is done. */
  idle(): Promise<void>;
}

export interface AlertServiceOptions {
  repository: AlertsRepository;
  /** Rules to store when the store holds no rule of their id (fixtures). */
  seedRules: readonly AlertRule[];
  log: FastifyBaseLogger;
  now: number;
}

/** Loads rules, silences and engine state, seeds missing fixture rules, and returns the service. */
export async function createAlertService({
  repository,
  seedRules,
  log,
  now,
}: AlertServiceOptions): Promise<AlertService> {
  const stored = new Map((await repository.loadRules()).map((s) => [s.rule.id, s]));
  for (const rule of seedRules) {
    if (stored.has(rule.id)) continue;
    const seeded: StoredRule = { rule, savedAt: now, savedBy: 'fixture' };
    await repository.saveRule(seeded);
    stored.set(rule.id, seeded);
  }
  let silences = await repository.loadSilences();
  const savedState = await repository.loadEngineState();
  const build = (state?: RuleEngine['state']): RuleEngine =>
    createRuleEngine(
      [...stored.values()].map((s) => s.rule),
      state === undefined ? {} : { state },
    );
  let engine = build(savedState ?? undefined);
  const providers = new Set<InputProvider>();
  const listeners = new Set<(events: readonly AlertEvent[]) => void>();
  let writes: Promise<unknown> = Promise.resolve();
  /** A rule edit rebuilt the engine: save at the next evaluation even when the step changed nothing. */
  let unsaved = false;
  let dirty = false;
  let lastSavedAt = Number.NEGATIVE_INFINITY;
  const background = (job: () => Promise<unknown>, what: string): void => {
    writes = writes.then(job).catch((error: unknown) => log.error({ err: error }, `${what} failed`));
  };

  return {
    registerInputs(provider) {
      providers.add(provider);
      return () => providers.delete(provider);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    evaluateNow(at) {
      const inputs = [...providers].map((provide) => provide(at));
      const input = mergeEvaluationInputs([...inputs, { silences }]);
      const result = evaluate(engine, input, at);
      engine = result.engine;
      // Only a change of tracks or alerts is worth a write (the state of a busy city is megabytes of JSON);
      // pending timers alone are written at most every STATE_SAVE_EVERY_MS, alert events at once.
      dirty ||= result.changed || unsaved;
      if (dirty && (unsaved || result.events.length > 0 || at - lastSavedAt >= STATE_SAVE_EVERY_MS)) {
        dirty = false;
        unsaved = false;
        lastSavedAt = at;
        const state = engine.state;
        background(() => repository.saveEngineState(state, at), 'saving the rule engine state');
      }
      if (result.events.length > 0) for (const listener of listeners) listener(result.events);
      return result.events;
    },
    active: () => activeAlerts(engine),
    rules: () => [...stored.values()].sort((a, b) => (a.rule.id < b.rule.id ? -1 : 1)),
    ruleVersions: (id) => repository.loadRuleVersions(id),
    async saveRule(input, savedBy, at) {
      const id = (input as { id?: unknown } | null)?.id;
      const current = typeof id === 'string' ? stored.get(id) : undefined;
      const baseVersion = (input as { version?: unknown } | null)?.version;
      if (current !== undefined && baseVersion !== current.rule.version) {
        return {
          kind: 'conflict',
          message: `rule ${current.rule.id} was changed by ${current.savedBy}: you edited version ${String(baseVersion)}, it is now version ${current.rule.version}`,
          current,
        };
      }
      const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
      const version = current === undefined ? 1 : current.rule.version + 1;
      const checked = validateRule(isObject ? { ...input, version } : input);
      if ('errors' in checked) return { kind: 'invalid', errors: checked.errors };
      const saved: StoredRule = { rule: checked.rule, savedAt: at, savedBy };
      await repository.saveRule(saved);
      stored.set(saved.rule.id, saved);
      engine = build(engine.state);
      unsaved = true;
      return { stored: saved };
    },
    checkRule(input) {
      const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
      const checked = validateRule(isObject ? { version: 1, ...input } : input);
      return 'errors' in checked ? checked.errors : [];
    },
    silences: () => [...silences],
    async saveSilence(silence) {
      await repository.saveSilence(silence);
      silences = [...silences.filter((s) => s.id !== silence.id), silence];
    },
    async deleteSilence(id) {
      if (!silences.some((s) => s.id === id)) return false;
      await repository.deleteSilence(id);
      silences = silences.filter((s) => s.id !== id);
      return true;
    },
    idle: () => writes.then(() => undefined),
  };
}
