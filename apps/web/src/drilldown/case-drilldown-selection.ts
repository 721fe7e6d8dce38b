import type { Case } from '@cbo/contracts';
import type { DrilldownSelection } from './pick-map-feature';

/**
 * The drill-down a case opens: its first traffic segment, else its first district, else the network for a
 * network alert; null for a case about anything else (a river reach, a bike station).
 */
export function caseDrilldownSelection(c: Pick<Case, 'domain' | 'alerts'>): DrilldownSelection | null {
  if (c.domain !== 'traffic') return null;
  const segment = c.alerts.find((alert) => alert.target === 'segment');
  if (segment) return { kind: 'segment', id: segment.entityId };
  const district = c.alerts.find((alert) => alert.target === 'district');
  if (district) return { kind: 'district', id: district.entityId };
  return c.alerts.some((alert) => alert.target === 'network') ? { kind: 'network', id: 'network' } : null;
}
