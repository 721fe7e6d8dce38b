import type { Case, CityDocument } from '@cbo/contracts';
import type { Locale, MessageKey } from '../i18n/dictionaries';
import { DICTIONARIES } from '../i18n/dictionaries';

/** Where a case is: the segment's road or the district (by name), else what kind of case on which entity. */
export function describeCaseLocation(c: Case, city: CityDocument, locale: Locale): string {
  const first = c.alerts[0];
  if (first === undefined) return '';
  const district = (id: string) => city.districts.find((d) => d.id === id);
  const name = (x: { nameZh: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.nameZh);
  if (first.target === 'segment') {
    const segment = city.segments.find((s) => s.id === first.entityId);
    if (segment === undefined) return first.entityId;
    const d = district(segment.districtId);
    const more = c.alerts.length > 1 ? ` +${c.alerts.length - 1}` : '';
    return `${name(segment)}${more}${d ? ` · ${name(d)}` : ''}`;
  }
  if (first.target === 'district') {
    const d = district(first.entityId);
    return d ? name(d) : first.entityId;
  }
  const dictionary: Readonly<Record<string, string>> = DICTIONARIES[locale];
  if (first.target === 'network') return dictionary['ops.target.network'] ?? first.entityId;
  const kindKey = `ops.kind.${c.kind}`;
  const kind = kindKey in dictionary ? dictionary[kindKey as MessageKey] : c.kind;
  return `${kind} · ${first.entityId}`;
}

/** The district ids a case touches (segment districts, or the district itself). */
export function caseDistricts(c: Case, city: CityDocument): string[] {
  const out = new Set<string>();
  for (const alert of c.alerts) {
    if (alert.target === 'district') out.add(alert.entityId);
    if (alert.target === 'segment') {
      const segment = city.segments.find((s) => s.id === alert.entityId);
      if (segment) out.add(segment.districtId);
    }
  }
  return [...out];
}
