import type { Comparison, Condition } from '@cbo/contracts';
import { isComparison } from './condition';

/** A real interval; infinite ends are always open. */
export interface Interval {
  readonly lo: number;
  readonly loOpen: boolean;
  readonly hi: number;
  readonly hiOpen: boolean;
}

/** One conjunct of a condition in disjunctive normal form: the values each metric may take. */
type Conjunct = ReadonlyMap<string, readonly Interval[]>;

/** Beyond this many conjuncts the analysis gives up (returns undefined) rather than grow without bound. */
const MAX_CONJUNCTS = 256;

function isEmpty(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && (i.loOpen || i.hiOpen));
}

function intersect(a: Interval, b: Interval): Interval {
  const [lo, loOpen] =
    a.lo > b.lo ? [a.lo, a.loOpen] : a.lo < b.lo ? [b.lo, b.loOpen] : [a.lo, a.loOpen || b.loOpen];
  const [hi, hiOpen] =
    a.hi < b.hi ? [a.hi, a.hiOpen] : a.hi > b.hi ? [b.hi, b.hiOpen] : [a.hi, a.hiOpen || b.hiOpen];
  return { lo, loOpen, hi, hiOpen };
}

function intersectSets(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a)
    for (const y of b) {
      const z = intersect(x, y);
      if (!isEmpty(z)) out.push(z);
    }
  return out;
}

/** The range a metric can take, from its catalogue bounds. */
export function rangeInterval(min: number, max: number): Interval {
  return { lo: min, loOpen: !Number.isFinite(min), hi: max, hiOpen: !Number.isFinite(max) };
}

const ALL: Interval = { lo: -Infinity, loOpen: true, hi: Infinity, hiOpen: true };

function comparisonSet(c: Comparison): Interval[] {
  const v = c.value;
  switch (c.op) {
    case '>':
      return [{ ...ALL, lo: v }];
    case '>=':
      return [{ ...ALL, lo: v, loOpen: false }];
    case '<':
      return [{ ...ALL, hi: v }];
    case '<=':
      return [{ ...ALL, hi: v, hiOpen: false }];
    case '==':
      return [{ lo: v, loOpen: false, hi: v, hiOpen: false }];
    case '!=':
      return [
        { ...ALL, hi: v },
        { ...ALL, lo: v },
      ];
  }
}

function andConjuncts(a: Conjunct, b: Conjunct): Conjunct | null {
  const merged = new Map(a);
  for (const [metric, set] of b) {
    const held = merged.get(metric);
    const next = held === undefined ? set : intersectSets(held, set);
    if (next.length === 0) return null;
    merged.set(metric, next);
  }
  return merged;
}

function andDnf(a: readonly Conjunct[], b: readonly Conjunct[]): Conjunct[] | undefined {
  const out: Conjunct[] = [];
  for (const x of a)
    for (const y of b) {
      const z = andConjuncts(x, y);
      if (z !== null) out.push(z);
      if (out.length > MAX_CONJUNCTS) return undefined;
    }
  return out;
}

/**
 * The satisfiable conjuncts of a condition in disjunctive normal form, each metric limited to `rangeOf`;
 * undefined when the form grows too large to analyse.
 */
function toDnf(condition: Condition, rangeOf: (metric: string) => Interval): Conjunct[] | undefined {
  if (isComparison(condition)) {
    const set = intersectSets([rangeOf(condition.metric)], comparisonSet(condition));
    return set.length === 0 ? [] : [new Map([[condition.metric, set]])];
  }
  if ('all' in condition) {
    let acc: Conjunct[] | undefined = [new Map()];
    for (const part of condition.all) {
      const dnf = toDnf(part, rangeOf);
      if (dnf === undefined || acc === undefined) return undefined;
      acc = andDnf(acc, dnf);
    }
    return acc;
  }
  const out: Conjunct[] = [];
  for (const part of condition.any) {
    const dnf = toDnf(part, rangeOf);
    if (dnf === undefined) return undefined;
    out.push(...dnf);
    if (out.length > MAX_CONJUNCTS) return undefined;
  }
  return out;
}

function pick(i: Interval): number {
  const loFinite = Number.isFinite(i.lo);
  const hiFinite = Number.isFinite(i.hi);
  if (loFinite && hiFinite) return i.loOpen || i.hiOpen ? (i.lo + i.hi) / 2 : i.lo;
  if (loFinite) return i.loOpen ? i.lo + 1 : i.lo;
  if (hiFinite) return i.hiOpen ? i.hi - 1 : i.hi;
  return 0;
}

/**
 * Metric values that make every given condition true at once, or null when none exist; undefined when the
 * conditions are too complex to tell.
 */
export function findJointWitness(
  conditions: readonly Condition[],
  rangeOf: (metric: string) => Interval,
): Record<string, number> | null | undefined {
  let acc: Conjunct[] | undefined = [new Map()];
  for (const condition of conditions) {
    const dnf = toDnf(condition, rangeOf);
    if (dnf === undefined || acc === undefined) return undefined;
    acc = andDnf(acc, dnf);
  }
  if (acc === undefined) return undefined;
  const first = acc[0];
  if (first === undefined) return null;
  const witness: Record<string, number> = {};
  for (const [metric, set] of first) witness[metric] = pick(set[0] as Interval);
  return witness;
}
