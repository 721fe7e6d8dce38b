import {
  ALERT_DOMAINS,
  ALERT_SEVERITIES,
  ALERT_TARGETS,
  COMPARISON_OPS,
  type AlertDomain,
  type AlertRule,
  type AlertTarget,
  type Condition,
} from '@cbo/contracts';
import { findJointWitness, rangeInterval, type Interval } from './condition-analysis';
import { DEDUPE_PLACEHOLDERS } from './dedupe-key';
import { ALERT_METRICS, DOMAIN_TARGETS, findMetric } from './metric-catalogue';

const RULE_KEYS = new Set([
  'id', 'version', 'name', 'domain', 'target', 'kind', 'when', 'forMs', 'clearWhen', 'clearForMs',
  'severity', 'dedupeKey', 'groupAdjacent', 'enabled',
]); // prettier-ignore
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
const MAX_DURATION_MS = 7 * 24 * 3_600_000;
const MAX_DEPTH = 4;
const MAX_PARTS = 16;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);
const oneOf = (values: readonly string[], v: unknown): boolean => typeof v === 'string' && values.includes(v);

function checkCondition(
  c: unknown,
  path: string,
  depth: number,
  domain: AlertDomain | undefined,
  target: AlertTarget | undefined,
  errors: string[],
): void {
  if (!isObj(c)) return void errors.push(`${path}: must be a comparison or {all|any: [...]}, got ${show(c)}`);
  if (depth > MAX_DEPTH) return void errors.push(`${path}: conditions nest at most ${MAX_DEPTH} deep`);
  const keys = Object.keys(c);
  if ('all' in c || 'any' in c) {
    const key = 'all' in c ? 'all' : 'any';
    if (keys.length !== 1) errors.push(`${path}: a combinator has only '${key}', found ${keys.join(', ')}`);
    const parts = c[key];
    if (!Array.isArray(parts) || parts.length === 0 || parts.length > MAX_PARTS) {
      return void errors.push(`${path}.${key}: must be a list of 1 to ${MAX_PARTS} conditions`);
    }
    parts.forEach((p, i) => checkCondition(p, `${path}.${key}[${i}]`, depth + 1, domain, target, errors));
    return;
  }
  const extra = keys.filter((k) => k !== 'metric' && k !== 'op' && k !== 'value');
  if (extra.length > 0) errors.push(`${path}: unknown field(s) ${extra.join(', ')}`);
  if (!oneOf(COMPARISON_OPS, c.op)) {
    errors.push(`${path}.op: must be one of ${COMPARISON_OPS.join(' ')}, got ${show(c.op)}`);
  }
  if (typeof c.value !== 'number' || !Number.isFinite(c.value)) {
    errors.push(`${path}.value: must be a finite number, got ${show(c.value)}`);
  }
  if (typeof c.metric !== 'string') return void errors.push(`${path}.metric: must be a metric name`);
  if (domain === undefined) return;
  const spec = findMetric(domain, c.metric);
  if (spec === undefined) {
    const known = Object.keys(ALERT_METRICS[domain]).join(', ');
    errors.push(`${path}.metric: unknown metric '${c.metric}' for domain '${domain}' (known: ${known})`);
  } else if (target !== undefined && !spec.targets.includes(target)) {
    errors.push(
      `${path}.metric: '${c.metric}' is not measured on a ${target} (only: ${spec.targets.join(', ')})`,
    );
  }
}

function checkDuration(v: unknown, field: string, errors: string[]): void {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    errors.push(`${field}: must be a whole number of milliseconds, got ${show(v)}`);
  } else if (v < 0) errors.push(`${field}: must not be negative, got ${v}`);
  else if (v > MAX_DURATION_MS) errors.push(`${field}: at most 7 days (${MAX_DURATION_MS} ms), got ${v}`);
}

function checkSemantics(rule: AlertRule, errors: string[]): void {
  const rangeOf = (metric: string): Interval => {
    const spec = findMetric(rule.domain, metric);
    return spec === undefined ? rangeInterval(-Infinity, Infinity) : rangeInterval(spec.min, spec.max);
  };
  if (findJointWitness([rule.when], rangeOf) === null) {
    errors.push('when: can never be true (check the values against the metric ranges)');
  }
  if (findJointWitness([rule.clearWhen], rangeOf) === null) {
    errors.push('clearWhen: can never be true, so the alert could never clear');
  }
  const both = findJointWitness([rule.when, rule.clearWhen], rangeOf);
  if (both !== null && both !== undefined) {
    const at = Object.entries(both)
      .map(([m, v]) => `${m} = ${v}`)
      .join(', ');
    errors.push(
      `clearWhen: overlaps the fire condition (at ${at} both hold), so the alert would clear and fire again; ` +
        'make clearWhen exclude every value where when holds',
    );
  }
}

/**
 * Validate a rule from outside (REST, the admin screen, a file). Errors name the field and the bad value:
 * shape, unknown metrics for the domain or target, negative durations, a bad dedupe key template, and a
 * clear condition that overlaps the fire condition or can never hold.
 */
export function validateRule(input: unknown): { rule: AlertRule } | { errors: string[] } {
  if (!isObj(input)) return { errors: [`rule: must be an object, got ${show(input)}`] };
  const errors: string[] = [];
  const r = input;
  for (const key of Object.keys(r)) if (!RULE_KEYS.has(key)) errors.push(`${key}: unknown field`);
  if (typeof r.id !== 'string' || !ID_PATTERN.test(r.id)) {
    errors.push(`id: 1-64 characters of A-Z a-z 0-9 _ . : -, got ${show(r.id)}`);
  }
  if (typeof r.version !== 'number' || !Number.isInteger(r.version) || r.version < 1) {
    errors.push(`version: must be a whole number >= 1, got ${show(r.version)}`);
  }
  const name = r.name;
  if (!isObj(name) || typeof name.zh !== 'string' || typeof name.en !== 'string' || !name.zh || !name.en) {
    errors.push(`name: must be { zh, en } with both non-empty, got ${show(name)}`);
  }
  const domain = oneOf(ALERT_DOMAINS, r.domain) ? (r.domain as AlertDomain) : undefined;
  if (domain === undefined)
    errors.push(`domain: must be one of ${ALERT_DOMAINS.join(', ')}, got ${show(r.domain)}`);
  let target = oneOf(ALERT_TARGETS, r.target) ? (r.target as AlertTarget) : undefined;
  if (target === undefined)
    errors.push(`target: must be one of ${ALERT_TARGETS.join(', ')}, got ${show(r.target)}`);
  else if (domain !== undefined && !DOMAIN_TARGETS[domain].includes(target)) {
    errors.push(`target: a ${domain} rule watches ${DOMAIN_TARGETS[domain].join(', ')}, not ${target}`);
    target = undefined;
  }
  if (r.kind !== undefined && (typeof r.kind !== 'string' || !ID_PATTERN.test(r.kind))) {
    errors.push(`kind: 1-64 characters of A-Z a-z 0-9 _ . : -, got ${show(r.kind)}`);
  }
  checkCondition(r.when, 'when', 1, domain, target, errors);
  checkCondition(r.clearWhen, 'clearWhen', 1, domain, target, errors);
  checkDuration(r.forMs, 'forMs', errors);
  checkDuration(r.clearForMs, 'clearForMs', errors);
  if (!oneOf(ALERT_SEVERITIES, r.severity)) {
    errors.push(`severity: must be one of ${ALERT_SEVERITIES.join(', ')}, got ${show(r.severity)}`);
  }
  if (typeof r.dedupeKey !== 'string' || r.dedupeKey.length === 0 || r.dedupeKey.length > 200) {
    errors.push(`dedupeKey: must be a template of 1-200 characters such as '{rule}:{entity}'`);
  } else {
    const names = [...r.dedupeKey.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');
    const unknown = names.filter((n) => !(DEDUPE_PLACEHOLDERS as readonly string[]).includes(n));
    if (unknown.length > 0) {
      errors.push(
        `dedupeKey: unknown placeholder(s) {${unknown.join('}, {')}}; use ${DEDUPE_PLACEHOLDERS.join(' ')}`,
      );
    }
    if (!names.includes('entity'))
      errors.push('dedupeKey: must contain {entity}, or every entity shares one alert');
  }
  if (typeof r.groupAdjacent !== 'boolean') errors.push(`groupAdjacent: must be true or false`);
  if (typeof r.enabled !== 'boolean') errors.push(`enabled: must be true or false`);
  if (errors.length > 0) return { errors };
  const rule = input as AlertRule;
  checkSemantics(rule, errors);
  return errors.length > 0 ? { errors } : { rule: structuredClone(rule) as AlertRule };
}

/** A condition as one line of text, for messages and lists: `all(tti >= 2, coverage >= 0.5)`. */
export function formatCondition(c: Condition): string {
  if ('metric' in c) return `${c.metric} ${c.op} ${c.value}`;
  return 'all' in c
    ? `all(${c.all.map(formatCondition).join(', ')})`
    : `any(${c.any.map(formatCondition).join(', ')})`;
}
