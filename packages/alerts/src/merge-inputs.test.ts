import { describe, expect, it } from 'vitest';
import { mergeEvaluationInputs } from './merge-inputs';

const reading = (value: number) => ({ value, observedAt: 1000, fresh: true });

describe('mergeEvaluationInputs', () => {
  it('joins the metrics two providers give for one entity', () => {
    const merged = mergeEvaluationInputs([
      { entities: { segment: [{ id: 's1', metrics: { tti: reading(2) } }] } },
      { entities: { segment: [{ id: 's1', metrics: { incidentConfidence: reading(0.8) } }] } },
    ]);
    expect(merged.entities?.segment).toEqual([
      { id: 's1', metrics: { tti: reading(2), incidentConfidence: reading(0.8) } },
    ]);
  });

  it('keeps entities of different targets and concatenates feeds', () => {
    const merged = mergeEvaluationInputs([
      { entities: { network: [{ id: 'network', metrics: { tpi: reading(5) } }] } },
      { feeds: [{ feed: 'sim', lastReceivedAt: 900, silentAfterMs: 30_000 }] },
    ]);
    expect([Object.keys(merged.entities ?? {}), merged.feeds?.map((f) => f.feed)]).toEqual([
      ['network'],
      ['sim'],
    ]);
  });
});

describe('mergeEvaluationInputs: one provider per target', () => {
  it('passes a list only one provider gives through without copying it', () => {
    const segment = [{ id: 's1', metrics: { tti: reading(2) } }];
    const merged = mergeEvaluationInputs([{ entities: { segment } }, { silences: [] }]);
    expect(merged.entities?.segment).toBe(segment);
  });
});
