import {
  ALERT_SEVERITIES,
  type AlertDomain,
  type AlertSeverity,
  type Case,
  type CaseStatus,
  type CityDocument,
} from '@cbo/contracts';
import { caseDistricts } from './case-labels';

/** The inbox filters; `null` means any. `status: 'open'` keeps cases not yet closed, dismissed or auto-resolved. */
export interface CaseFilters {
  domain: AlertDomain | null;
  severity: AlertSeverity | null;
  district: string | null;
  status: CaseStatus | 'open' | null;
}

export const DEFAULT_FILTERS: CaseFilters = { domain: null, severity: null, district: null, status: 'open' };

const OPEN: readonly CaseStatus[] = ['detected', 'filed', 'dispatched', 'handling', 'reported', 'verified'];

/** Cases passing the filters, most severe first, then newest first. */
export function filterCases(cases: readonly Case[], filters: CaseFilters, city: CityDocument): Case[] {
  return cases
    .filter((c) => filters.domain === null || c.domain === filters.domain)
    .filter((c) => filters.severity === null || c.severity === filters.severity)
    .filter((c) =>
      filters.status === null
        ? true
        : filters.status === 'open'
          ? OPEN.includes(c.status)
          : c.status === filters.status,
    )
    .filter((c) => filters.district === null || caseDistricts(c, city).includes(filters.district))
    .sort(
      (a, b) =>
        ALERT_SEVERITIES.indexOf(b.severity) - ALERT_SEVERITIES.indexOf(a.severity) ||
        b.detectedAt - a.detectedAt,
    );
}
