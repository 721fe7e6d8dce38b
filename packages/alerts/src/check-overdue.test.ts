import { describe, expect, it } from 'vitest';
import { applyCaseAction } from './case-machine';
import { checkOverdue } from './check-overdue';
import { drive, newCase } from './test-cases';

// Dispatched at 120 000 with a 600 000 ms SLA: due at 720 000.
const dispatched = () => drive(newCase(), ['file', 'dispatch']).case;

describe('checkOverdue', () => {
  it('leaves a case alone at its due time', () => {
    expect(checkOverdue([dispatched()], 720_000)).toEqual([]);
  });

  it('escalates a case one millisecond past due to level 1', () => {
    const [esc] = checkOverdue([dispatched()], 720_001);
    expect(esc).toMatchObject({ caseId: 'c1', overdueMs: 1, level: 1, action: { type: 'escalate', level: 1, revision: 2 } }); // prettier-ignore
  });

  it('does not repeat a level once applied, and escalates again after a further SLA period', () => {
    const c = dispatched();
    const [esc] = checkOverdue([c], 720_001);
    const applied = esc && applyCaseAction(c, esc.action);
    if (!applied || 'error' in applied) throw new Error('escalation refused');
    expect(checkOverdue([applied.case], 1_320_000)).toEqual([]);
    expect(checkOverdue([applied.case], 1_320_001).map((e) => e.level)).toEqual([2]);
  });

  it('ignores cases whose result is reported', () => {
    const reported = drive(newCase(), ['file', 'dispatch', 'start', 'report']).case;
    expect(checkOverdue([reported], 10_000_000)).toEqual([]);
  });

  it('counts handling cases too', () => {
    const handling = drive(newCase(), ['file', 'dispatch', 'start']).case;
    expect(checkOverdue([handling], 720_001).map((e) => e.caseId)).toEqual(['c1']);
  });
});
