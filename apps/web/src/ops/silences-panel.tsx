import { useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Type } from '@sinclair/typebox';
import {
  ActiveAlertSchema,
  SILENCE_FIELDS,
  SilenceSchema,
  type Silence,
  type SilenceMatcher,
} from '@cbo/contracts';
import { fetchValidated } from '../api/fetch-validated';
import { useI18n } from '../i18n/i18n-context';
import {
  checkSilenceDraft,
  emptySilenceDraft,
  formatMatcher,
  isSilenceField,
  partitionSilences,
  toLocalInput,
  type SilenceDraft,
  type SilenceProblem,
} from './silence-form';
import { SeverityBadge } from './severity-badge';
import { useNow } from '../status/use-now';

const SilenceListSchema = Type.Object({ silences: Type.Array(SilenceSchema), at: Type.Number() });
const AlertListSchema = Type.Object({ alerts: Type.Array(ActiveAlertSchema) });
const silencesKey = ['ops', 'silences'] as const;
const activeAlertsKey = ['ops', 'active-alerts'] as const;
const OPS: readonly SilenceMatcher['op'][] = ['=', '!=', 'prefix'];

function SilenceRow({ silence, onExpire }: { silence: Silence; onExpire: (s: Silence) => void }): ReactNode {
  const { t } = useI18n();
  return (
    <li className="ops-silence" data-testid="silence-row">
      <span className="ops-silence__main">
        <code>{silence.matchers.map(formatMatcher).join(' · ')}</code>
        <span className="ops-dim">
          {toLocalInput(silence.startsAt).replace('T', ' ')} →{' '}
          {toLocalInput(silence.endsAt).replace('T', ' ')} · {silence.createdBy}
        </span>
        {silence.comment && <span>{silence.comment}</span>}
      </span>
      <button type="button" className="ops-button ops-button--dismiss" onClick={() => onExpire(silence)}>
        {t('silences.expire')}
      </button>
    </li>
  );
}

/**
 * Silences and maintenance windows on the rules screen: the firing alerts (silenced ones marked, not hidden),
 * the active and scheduled silences with an expire button, and a form to create one (matchers, window,
 * reason) that explains what is wrong before sending. Times are the server's (it may run a simulated day).
 */
export function SilencesPanel(): ReactNode {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { data, dataUpdatedAt } = useQuery({
    queryKey: silencesKey,
    queryFn: ({ signal }) => fetchValidated('/api/v1/alerts/silences', SilenceListSchema, signal),
    refetchInterval: 15_000,
  });
  const { data: alertData } = useQuery({
    queryKey: activeAlertsKey,
    queryFn: ({ signal }) => fetchValidated('/api/v1/alerts/active', AlertListSchema, signal),
    refetchInterval: 5_000,
  });
  // Server time now: its clock at the last answer plus the time since.
  const now = useNow(1000);
  const serverNow = data ? data.at + (now - dataUpdatedAt) : now;
  const [draft, setDraft] = useState<SilenceDraft | null>(null);
  const [problems, setProblems] = useState<SilenceProblem[]>([]);
  const [serverError, setServerError] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: silencesKey });
    void queryClient.invalidateQueries({ queryKey: activeAlertsKey });
  };
  const setMatcher = (row: number, change: Partial<SilenceMatcher>) =>
    setDraft((d) => d && { ...d, matchers: d.matchers.map((m, i) => (i === row ? { ...m, ...change } : m)) });

  const create = async () => {
    if (draft === null) return;
    const checked = checkSilenceDraft(draft, serverNow);
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    const response = await fetch('/api/v1/alerts/silences', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(checked.request),
    });
    if (response.status === 201) {
      setDraft(null);
      setServerError('');
      refresh();
    } else {
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      setServerError(body.message ?? String(response.status));
    }
  };
  const expire = async (silence: Silence) => {
    const response = await fetch(`/api/v1/alerts/silences/${encodeURIComponent(silence.id)}`, {
      method: 'DELETE',
    });
    setServerError(response.status === 204 ? '' : String(response.status));
    refresh();
  };

  const { active, scheduled } = partitionSilences(data?.silences ?? [], serverNow);
  const alerts = alertData?.alerts ?? [];
  return (
    <section className="ops-silences" data-testid="silences-panel">
      <h2>{t('silences.title')}</h2>
      <h3>{t('silences.firing', { count: alerts.length })}</h3>
      <ul className="ops-silences__alerts" data-testid="firing-alerts">
        {alerts.slice(0, 50).map((a) => (
          <li key={a.key} className={a.silenced ? 'ops-silenced' : undefined}>
            <SeverityBadge severity={a.severity} compact /> <code>{a.key}</code>
            {a.silenced && <span className="ops-silenced__tag"> 🔕 {t('silences.silenced')}</span>}
          </li>
        ))}
      </ul>
      <h3>{t('silences.active', { count: active.length })}</h3>
      <ul className="ops-silences__list" data-testid="silences-active">
        {active.map((s) => (
          <SilenceRow key={s.id} silence={s} onExpire={(x) => void expire(x)} />
        ))}
      </ul>
      <h3>{t('silences.scheduled', { count: scheduled.length })}</h3>
      <ul className="ops-silences__list" data-testid="silences-scheduled">
        {scheduled.map((s) => (
          <SilenceRow key={s.id} silence={s} onExpire={(x) => void expire(x)} />
        ))}
      </ul>
      {draft === null ? (
        <button
          type="button"
          className="ops-button"
          onClick={() => {
            setDraft(emptySilenceDraft(serverNow));
            setProblems([]);
          }}
        >
          {t('silences.new')}
        </button>
      ) : (
        <form
          className="ops-silence-form"
          data-testid="silence-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          {draft.matchers.map((m, row) => (
            <div className="ops-silence-form__matcher" key={row}>
              <select
                aria-label={t('silences.field')}
                value={m.field}
                onChange={(e) => isSilenceField(e.target.value) && setMatcher(row, { field: e.target.value })}
              >
                {SILENCE_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('silences.op')}
                value={m.op}
                onChange={(e) => setMatcher(row, { op: e.target.value as SilenceMatcher['op'] })}
              >
                {OPS.map((op) => (
                  <option key={op} value={op}>
                    {op}
                  </option>
                ))}
              </select>
              <input
                aria-label={t('silences.value')}
                value={m.value}
                onChange={(e) => setMatcher(row, { value: e.target.value })}
              />
              <button
                type="button"
                className="ops-button"
                aria-label={t('silences.removeMatcher')}
                onClick={() => setDraft({ ...draft, matchers: draft.matchers.filter((_, i) => i !== row) })}
              >
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="ops-button"
            onClick={() =>
              setDraft({ ...draft, matchers: [...draft.matchers, { field: 'rule', op: '=', value: '' }] })
            }
          >
            {t('silences.addMatcher')}
          </button>
          <label>
            {t('silences.startsAt')}
            <input
              type="datetime-local"
              value={draft.startsAt}
              onChange={(e) => setDraft({ ...draft, startsAt: e.target.value })}
            />
          </label>
          <label>
            {t('silences.endsAt')}
            <input
              type="datetime-local"
              value={draft.endsAt}
              onChange={(e) => setDraft({ ...draft, endsAt: e.target.value })}
            />
          </label>
          <label>
            {t('silences.reason')}
            <input value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />
          </label>
          <div className="ops-actions__buttons">
            <button type="submit" className="ops-button ops-button--primary">
              {t('silences.create')}
            </button>
            <button type="button" className="ops-button" onClick={() => setDraft(null)}>
              {t('silences.cancel')}
            </button>
          </div>
        </form>
      )}
      {(problems.length > 0 || serverError) && (
        <ul className="ops-message ops-message--error" data-testid="silence-errors">
          {problems.map((p) => (
            <li key={`${p.key}:${p.row ?? ''}`}>
              {p.row === undefined ? t(p.key) : `${t('silences.row', { row: p.row + 1 })}: ${t(p.key)}`}
            </li>
          ))}
          {serverError && <li>{serverError}</li>}
        </ul>
      )}
    </section>
  );
}
