import type { AlertTarget } from '@cbo/contracts';
import type { EntityInput, EvaluationInput } from './rule-engine';

type EntityLists = Partial<Record<AlertTarget, readonly EntityInput[]>>;

/**
 * Merge the inputs of several providers into one evaluation input: entity lists are joined per target, and an
 * entity that two providers report keeps the metrics of both (the later provider wins on a metric both give).
 * Feeds and silences are concatenated. Entity order: first appearance. A target only one provider reports
 * keeps that provider's list as it is (no copy: 50,000 segments cost nothing here); the engine counts an id
 * listed twice once.
 */
export function mergeEvaluationInputs(inputs: readonly EvaluationInput[]): EvaluationInput {
  if (inputs.length === 1) return inputs[0] as EvaluationInput;
  const listsByTarget = new Map<AlertTarget, (readonly EntityInput[])[]>();
  const feeds: NonNullable<EvaluationInput['feeds']>[number][] = [];
  const silences: NonNullable<EvaluationInput['silences']>[number][] = [];
  for (const input of inputs) {
    for (const [target, list] of Object.entries(input.entities ?? {}) as [AlertTarget, EntityInput[]][]) {
      const lists = listsByTarget.get(target);
      if (lists === undefined) listsByTarget.set(target, [list]);
      else lists.push(list);
    }
    feeds.push(...(input.feeds ?? []));
    silences.push(...(input.silences ?? []));
  }
  const entities: EntityLists = {};
  for (const [target, lists] of listsByTarget) {
    entities[target] = lists.length === 1 ? (lists[0] as readonly EntityInput[]) : joinLists(lists);
  }
  return { entities, feeds, silences };
}

function joinLists(lists: readonly (readonly EntityInput[])[]): EntityInput[] {
  const byId = new Map<string, EntityInput>();
  for (const list of lists) {
    for (const entity of list) {
      const prior = byId.get(entity.id);
      byId.set(
        entity.id,
        prior === undefined ? entity : { id: entity.id, metrics: { ...prior.metrics, ...entity.metrics } },
      );
    }
  }
  return [...byId.values()];
}
