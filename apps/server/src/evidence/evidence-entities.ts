import type { City } from '@cbo/city';
import type { AlertTarget, Case } from '@cbo/contracts';

/** One entity a case is about: a segment (with its index in the city), a district or the network. */
export interface EvidenceEntity {
  target: AlertTarget;
  id: string;
  /** Display name (English / Chinese), the id when the city does not know it. */
  nameEn: string;
  nameZh: string;
  /** Index of the segment in the city; null for other targets or an unknown segment id. */
  segmentIndex: number | null;
}

/** The distinct entities of a case's alerts, in the order they joined the case. */
export function caseEntities(current: Case, city: City): EvidenceEntity[] {
  const seen = new Set<string>();
  const out: EvidenceEntity[] = [];
  for (const alert of current.alerts) {
    const key = `${alert.target}:${alert.entityId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const segmentIndex =
      alert.target === 'segment' ? (city.segmentIndexById.get(alert.entityId) ?? null) : null;
    const segment = segmentIndex === null ? undefined : city.segments[segmentIndex];
    const district =
      alert.target === 'district' ? city.document.districts.find((d) => d.id === alert.entityId) : undefined;
    const named = segment ?? district;
    out.push({
      target: alert.target,
      id: alert.entityId,
      nameEn: named?.nameEn ?? alert.entityId,
      nameZh: named?.nameZh ?? alert.entityId,
      segmentIndex,
    });
  }
  return out;
}
