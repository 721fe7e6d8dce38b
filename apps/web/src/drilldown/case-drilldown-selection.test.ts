import { describe, expect, it } from 'vitest';
import type { CaseAlertRef } from '@cbo/contracts';
import { caseDrilldownSelection } from './case-drilldown-selection';

const ref = (target: CaseAlertRef['target'], entityId: string): CaseAlertRef => ({
  key: `k-${entityId}`,
  target,
  entityId,
  severity: 'orange',
});

describe('caseDrilldownSelection', () => {
  it('opens the first segment of a traffic case, even after a district alert', () => {
    const alerts = [ref('district', 'xihu'), ref('segment', 's-12'), ref('segment', 's-13')];
    expect(caseDrilldownSelection({ domain: 'traffic', alerts })).toEqual({ kind: 'segment', id: 's-12' });
  });

  it('opens the district when the case has no segment', () => {
    const alerts = [ref('network', 'network'), ref('district', 'xihu')];
    expect(caseDrilldownSelection({ domain: 'traffic', alerts })).toEqual({ kind: 'district', id: 'xihu' });
  });

  it('opens the network for a network-wide case', () => {
    const alerts = [ref('network', 'network')];
    expect(caseDrilldownSelection({ domain: 'traffic', alerts })).toEqual({ kind: 'network', id: 'network' });
  });

  it('opens nothing for a case of another domain', () => {
    expect(caseDrilldownSelection({ domain: 'river', alerts: [ref('segment', 's-1')] })).toBeNull();
  });
});
