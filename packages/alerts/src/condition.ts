import type { Comparison, Condition, EpochMs } from '@cbo/contracts';

/** One metric value of an entity, with its freshness. */
export interface MetricReading {
  readonly value: number;
  /** When the newest input behind the value was observed. */
  readonly observedAt: EpochMs;
  /** False when the inputs behind the value are older than the feed's freshness threshold. */
  readonly fresh: boolean;
}

/** An entity's metric values by metric name. */
export type MetricReadings = Readonly<Record<string, MetricReading | undefined>>;

/**
 * Three-valued truth: `true`, `false`, or `null` when it cannot be told because a metric it needs is
 * missing, not a finite number, or stale.
 */
export type Truth = boolean | null;

/** True when the condition is a single comparison. */
export function isComparison(condition: Condition): condition is Comparison {
  return 'metric' in condition;
}

/** Compare two numbers with a rule operator. */
export function compare(left: number, op: Comparison['op'], right: number): boolean {
  switch (op) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '==':
      return left === right;
    case '!=':
      return left !== right;
  }
}

/**
 * Evaluate a condition on an entity's readings with Kleene logic: `all` is false as soon as one part is
 * false and unknown when a part is unknown and none is false; `any` is the dual.
 */
export function evaluateCondition(condition: Condition, readings: MetricReadings): Truth {
  if (isComparison(condition)) {
    const reading = readings[condition.metric];
    if (reading === undefined || !reading.fresh || !Number.isFinite(reading.value)) return null;
    return compare(reading.value, condition.op, condition.value);
  }
  if ('all' in condition) {
    let result: Truth = true;
    for (const part of condition.all) {
      const truth = evaluateCondition(part, readings);
      if (truth === false) return false;
      if (truth === null) result = null;
    }
    return result;
  }
  let result: Truth = false;
  for (const part of condition.any) {
    const truth = evaluateCondition(part, readings);
    if (truth === true) return true;
    if (truth === null) result = null;
  }
  return result;
}

/** Every metric a condition reads, each once, in first-seen order. */
export function conditionMetrics(condition: Condition): string[] {
  const seen = new Set<string>();
  const walk = (c: Condition): void => {
    if (isComparison(c)) seen.add(c.metric);
    else for (const part of 'all' in c ? c.all : c.any) walk(part);
  };
  walk(condition);
  return [...seen];
}

/** One function per operator, so a compiled comparison does not switch on the operator per call. */
const COMPARATORS: Readonly<Record<Comparison['op'], (left: number, right: number) => boolean>> = {
  '>': (l, r) => l > r,
  '>=': (l, r) => l >= r,
  '<': (l, r) => l < r,
  '<=': (l, r) => l <= r,
  '==': (l, r) => l === r,
  '!=': (l, r) => l !== r,
};

/** A condition compiled to a function of an entity's readings; same result as `evaluateCondition`. */
export type CompiledCondition = (readings: MetricReadings) => Truth;

/** Compile a condition once, so evaluating it per entity and tick walks no data structure. */
export function compileCondition(condition: Condition): CompiledCondition {
  if (isComparison(condition)) {
    const { metric, value } = condition;
    const test = COMPARATORS[condition.op];
    return (readings) => {
      const reading = readings[metric];
      if (reading === undefined || !reading.fresh || !Number.isFinite(reading.value)) return null;
      return test(reading.value, value);
    };
  }
  const parts = ('all' in condition ? condition.all : condition.any).map(compileCondition);
  const decisive = 'all' in condition ? false : true;
  return (readings) => {
    let result: Truth = !decisive;
    for (const part of parts) {
      const truth = part(readings);
      if (truth === decisive) return decisive;
      if (truth === null) result = null;
    }
    return result;
  };
}
