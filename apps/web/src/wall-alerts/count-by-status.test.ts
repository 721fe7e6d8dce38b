import { describe, expect, it } from 'vitest';
import type { Case } from '@cbo/contracts';
import { countByStatus, formatMinutes } from './count-by-status';

describe('countByStatus', () => {
  it('counts each status and leaves the others at zero', () => {
    const cases = [{ status: 'filed' }, { status: 'filed' }, { status: 'closed' }] as Case[];
    const counts = countByStatus(cases);
    expect([counts.filed, counts.closed, counts.detected]).toEqual([2, 1, 0]);
  });
});

describe('formatMinutes', () => {
  it('shows one decimal below ten minutes, whole minutes above, a dash for none', () => {
    expect([formatMinutes(90_000), formatMinutes(754_000), formatMinutes(null)]).toEqual(['1.5', '13', '—']);
  });
});
