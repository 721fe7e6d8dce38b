import type { AlertRule } from '@cbo/contracts';

/** Placeholders a dedupe key template may use. */
export const DEDUPE_PLACEHOLDERS = ['rule', 'kind', 'domain', 'target', 'entity'] as const;

/** The default template: one alert per rule and entity. */
export const DEFAULT_DEDUPE_KEY = '{rule}:{entity}';

/** The kind of a rule's alerts: `rule.kind`, or the rule id when it has none. */
export function ruleKind(rule: AlertRule): string {
  return rule.kind ?? rule.id;
}

/**
 * Render a rule's dedupe key for an entity. Rules rendering the same key share one alert, whose severity is
 * the highest of those firing (so `{kind}:{entity}` turns a yellow and a red rule of one kind into one alert
 * that escalates).
 */
export function renderDedupeKey(rule: AlertRule, entityId: string): string {
  return rule.dedupeKey.replace(/\{(rule|kind|domain|target|entity)\}/g, (_, name: string) => {
    switch (name) {
      case 'rule':
        return rule.id;
      case 'kind':
        return ruleKind(rule);
      case 'domain':
        return rule.domain;
      case 'target':
        return rule.target;
      default:
        return entityId;
    }
  });
}
