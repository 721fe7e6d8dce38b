import type { AlertTarget } from '@cbo/contracts';
import type { EntityInput, EvaluationInput } from './rule-engine';

/**
 * Merge the inputs of several providers into one evaluation input: entity lists are joined per target, and an
 * entity that two providers report keeps the metrics of both (the later provider wins on a metric both give).
 * Feeds and silences are concatenated. Entity order: first appearance.
 */
export function mergeEvaluationInputs(inputs: readonly EvaluationInput[]): EvaluationInput {
  if (inputs.length === 1) return inputs[0] as EvaluationInput;
  const byTarget = new Map<AlertTarget, Map<string, EntityInput>>();
  const feeds: NonNullable<EvaluationInput['feeds']>[number][] = [];
  const silences: NonNullable<EvaluationInput['silences']>[number][] = [];
  for (const input of inputs) {
    for (const [target, list] of Object.entries(input.entities ?? {}) as [AlertTarget, EntityInput[]][]) {
      let entities = byTarget.get(target);
      if (entities === undefined) {
        entities = new Map();
        byTarget.set(target, entities);
      }
      for (const entity of list) {
        const prior = entities.get(entity.id);
        entities.set(
          entity.id,
          prior === undefined ? entity : { id: entity.id, metrics: { ...prior.metrics, ...entity.metrics } },
        );
      }
    }
    feeds.push(...(input.feeds ?? []));
    silences.push(...(input.silences ?? []));
  }
  const entities: Partial<Record<AlertTarget, EntityInput[]>> = {};
  for (const [target, map] of byTarget) entities[target] = [...map.values()];
  return { entities, feeds, silences };
}
