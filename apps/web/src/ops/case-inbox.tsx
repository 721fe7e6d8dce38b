import type { ReactNode } from 'react';
import { ALERT_DOMAINS, ALERT_SEVERITIES, CASE_STATUSES, type Case, type CityDocument } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/dictionaries';
import { describeCaseLocation } from './case-labels';
import type { CaseFilters } from './filter-cases';
import { SeverityBadge } from './severity-badge';

export interface CaseInboxProps {
  city: CityDocument;
  cases: readonly Case[];
  filters: CaseFilters;
  onFilters: (filters: CaseFilters) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  now: number;
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}): ReactNode {
  return (
    <label className="ops-filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={`filter-${label}`}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The inbox: filters on domain, severity, district and status, and the matching cases. */
export function CaseInbox({
  city,
  cases,
  filters,
  onFilters,
  selectedId,
  onSelect,
  now,
}: CaseInboxProps): ReactNode {
  const { t, locale } = useI18n();
  const all: [string, string] = ['', t('ops.filter.all')];
  const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));
  return (
    <section className="ops-inbox" aria-label={t('ops.inbox')}>
      <header className="ops-inbox__header">
        <h2>{t('ops.inbox')}</h2>
        <span className="ops-dim">{t('ops.inboxCount', { count: cases.length })}</span>
      </header>
      <div className="ops-inbox__filters">
        <FilterSelect
          label={t('ops.filter.domain')}
          value={filters.domain ?? ''}
          options={[all, ...ALERT_DOMAINS.map((d) => [d, t(`ops.domain.${d}`)] as const)]}
          onChange={(v) => onFilters({ ...filters, domain: (v || null) as CaseFilters['domain'] })}
        />
        <FilterSelect
          label={t('ops.filter.severity')}
          value={filters.severity ?? ''}
          options={[all, ...ALERT_SEVERITIES.map((s) => [s, t(`ops.severity.${s}`)] as const)]}
          onChange={(v) => onFilters({ ...filters, severity: (v || null) as CaseFilters['severity'] })}
        />
        <FilterSelect
          label={t('ops.filter.district')}
          value={filters.district ?? ''}
          options={[
            all,
            ...city.districts.map((d) => [d.id, locale === 'en' ? d.nameEn : d.nameZh] as const),
          ]}
          onChange={(v) => onFilters({ ...filters, district: v || null })}
        />
        <FilterSelect
          label={t('ops.filter.status')}
          value={filters.status ?? ''}
          options={[
            all,
            ['open', t('ops.filter.open')],
            ...CASE_STATUSES.map((s) => [s, t(`ops.status.${s}` as MessageKey)] as const),
          ]}
          onChange={(v) => onFilters({ ...filters, status: (v || null) as CaseFilters['status'] })}
        />
      </div>
      <ol className="ops-inbox__list" data-testid="case-inbox">
        {cases.length === 0 && <li className="ops-dim ops-inbox__empty">{t('ops.empty')}</li>}
        {cases.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={`ops-case-row${c.id === selectedId ? ' ops-case-row--selected' : ''}`}
              onClick={() => onSelect(c.id)}
              data-testid="case-row"
              data-case-id={c.id}
              data-status={c.status}
              data-kind={c.kind}
            >
              <SeverityBadge severity={c.severity} compact />
              <span className="ops-case-row__main">
                <span className="ops-case-row__title">{describeCaseLocation(c, city, locale)}</span>
                <span className="ops-dim">
                  {c.id} · {t(`ops.domain.${c.domain}`)} · {minutes(now - c.detectedAt)}′
                </span>
              </span>
              <span className={`ops-status ops-status--${c.status}`}>
                {t(`ops.status.${c.status}` as MessageKey)}
              </span>
              {c.escalationLevel > 0 && (
                <span className="ops-overdue" title={t('ops.case.overdue', { level: c.escalationLevel })}>
                  ⏰{c.escalationLevel}
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
