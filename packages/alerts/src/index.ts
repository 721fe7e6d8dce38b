export { ALERT_METRICS, DOMAIN_TARGETS, findMetric } from './metric-catalogue';
export type { MetricSpec } from './metric-catalogue';
export { evaluateCondition, conditionMetrics, isComparison, compare } from './condition';
export type { MetricReading, MetricReadings, Truth } from './condition';
export { validateRule, formatCondition } from './validate-rule';
export { DEDUPE_PLACEHOLDERS, DEFAULT_DEDUPE_KEY, renderDedupeKey, ruleKind } from './dedupe-key';
export { isSilenceActive, silenceMatches, isSilenced } from './silence';
export type { AlertLabels } from './silence';
export { FEED_SILENT_RULE, feedSilenceMetrics } from './feed-silent';
export type { FeedStatus } from './feed-silent';
export { stepTrack } from './rule-track';
export type { RuleTrack, CompiledRule } from './rule-track';
export type { AlertRecord } from './reconcile-alerts';
export { createRuleEngine, evaluate, activeAlerts, emptyEngineState, RuleEngineError } from './rule-engine';
export type {
  EntityInput,
  EvaluationInput,
  RuleEngineState,
  RuleEngine,
  RuleEngineOptions,
} from './rule-engine';
export {
  OPEN_CASE_STATUSES,
  CASE_TRANSITIONS,
  allowedActions,
  openCase,
  applyCaseAction,
} from './case-machine';
export type { CaseError, CaseResult, OpenCaseInput } from './case-machine';
export { checkOverdue } from './check-overdue';
export type { CaseEscalation } from './check-overdue';
export { groupAlerts, findCaseForAlert } from './group-alerts';
export type { GroupableAlert, Adjacency, AlertGroup } from './group-alerts';
export { computeResponseKpis } from './response-kpis';
export type { DurationStats, ResponseKpis, ResponseKpiOptions } from './response-kpis';
export { mergeEvaluationInputs } from './merge-inputs';
