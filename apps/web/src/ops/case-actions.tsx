import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Case, CaseActionRequest, OfficerActionType, OpsSnapshot, Unit } from '@cbo/contracts';
import { OFFICER_ACTION_TYPES } from '@cbo/contracts';
import { allowedActions } from '@cbo/alerts';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/dictionaries';
import { applyCaseChange } from './apply-ops-change';
import { opsKeys } from './ops-queries';
import { postCaseAction } from './post-case-action';
import { useActionKeys } from './use-ops-shortcuts';
import { ACTION_KEYS } from './action-keys';

/** Actions that need a form (a unit, a result, a reason, a text); the others apply at once. */
const NEEDS_FORM: ReadonlySet<OfficerActionType> = new Set([
  'dispatch',
  'report',
  'dismiss',
  'reject',
  'comment',
]);

export interface CaseActionsProps {
  current: Case;
  units: readonly Unit[];
}

/**
 * The officer's actions for the case's status, with inline forms, and the answer of the last one. Mount it
 * with `key={case id}` so a form never carries over to another case.
 */
export function CaseActions({ current, units }: CaseActionsProps): ReactNode {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<OfficerActionType | null>(null);
  const [text, setText] = useState('');
  const [unitId, setUnitId] = useState('');
  const [message, setMessage] = useState<{ tone: 'warn' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement | HTMLSelectElement | null>(null);
  const allowed = allowedActions(current.status).filter((a): a is OfficerActionType =>
    (OFFICER_ACTION_TYPES as readonly string[]).includes(a),
  );
  const suitableUnits = units.filter((u) => u.domain === current.domain);

  async function submit(type: OfficerActionType): Promise<void> {
    const request: CaseActionRequest = { type, revision: current.revision };
    if (text.trim() !== '') {
      if (type === 'report') request.result = text.trim();
      else if (type === 'dismiss') request.reason = text.trim();
      else request.comment = text.trim();
    }
    if (type === 'dispatch') request.unitId = unitId || suitableUnits[0]?.id;
    setBusy(true);
    const outcome = await postCaseAction(current.id, request);
    setBusy(false);
    if (outcome.kind === 'applied') {
      queryClient.setQueryData<OpsSnapshot>(opsKeys.snapshot, (s) =>
        s ? applyCaseChange(s, outcome.change) : s,
      );
      void queryClient.invalidateQueries({ queryKey: opsKeys.case(current.id) });
      setForm(null);
      setText('');
      setMessage(null);
      return;
    }
    if (outcome.kind === 'refused' && outcome.current) {
      const change = { case: outcome.current, events: [] };
      queryClient.setQueryData<OpsSnapshot>(opsKeys.snapshot, (s) => (s ? applyCaseChange(s, change) : s));
      void queryClient.invalidateQueries({ queryKey: opsKeys.case(current.id) });
    }
    if (outcome.kind === 'refused' && outcome.status === 409 && outcome.current) {
      const status = t(`ops.status.${outcome.current.status}` as MessageKey);
      setMessage({ tone: 'warn', text: t('ops.conflict', { status }) });
      setForm(null);
    } else setMessage({ tone: 'error', text: t('ops.error', { message: outcome.message }) });
  }

  function start(type: OfficerActionType): void {
    if (!allowed.includes(type) || busy) return;
    if (NEEDS_FORM.has(type)) {
      setForm(type);
      setText('');
      if (type === 'dispatch') setUnitId((u) => u || (suitableUnits[0]?.id ?? ''));
    } else void submit(type);
  }

  useActionKeys(start);

  useEffect(() => {
    if (form !== null) inputRef.current?.focus();
  }, [form]);

  const needsText = form === 'report' || form === 'dismiss' || form === 'reject';
  const placeholder =
    form === 'report'
      ? 'ops.action.resultPlaceholder'
      : form === 'dismiss'
        ? 'ops.action.reasonPlaceholder'
        : 'ops.action.commentPlaceholder';
  return (
    <section className="ops-actions" data-testid="case-actions">
      <div className="ops-actions__buttons">
        {allowed.map((type) => (
          <button
            key={type}
            type="button"
            className={`ops-button ops-button--${type}`}
            disabled={busy}
            onClick={() => start(type)}
            data-testid={`action-${type}`}
          >
            {t(`ops.action.${type}`)} <kbd>{ACTION_KEYS[type]}</kbd>
          </button>
        ))}
      </div>
      {form !== null && (
        <form
          className="ops-actions__form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(form);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setForm(null);
          }}
          data-testid="action-form"
        >
          {form === 'dispatch' && (
            <select
              ref={(el) => {
                inputRef.current = el;
              }}
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              aria-label={t('ops.action.unit')}
              data-testid="unit-select"
            >
              {suitableUnits.map((u) => (
                <option key={u.id} value={u.id}>
                  {locale === 'en' ? u.nameEn : u.nameZh}
                </option>
              ))}
            </select>
          )}
          <textarea
            ref={(el) => {
              if (form !== 'dispatch') inputRef.current = el;
            }}
            value={text}
            rows={2}
            placeholder={t(placeholder as MessageKey)}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit(form);
              }
            }}
            data-testid="action-text"
          />
          <div className="ops-actions__form-buttons">
            <button
              type="submit"
              className="ops-button ops-button--primary"
              disabled={busy || (needsText && text.trim() === '')}
              data-testid="action-submit"
            >
              {t(`ops.action.${form}`)} · {t('ops.action.submit')}
            </button>
            <button type="button" className="ops-button" onClick={() => setForm(null)}>
              {t('ops.action.cancel')}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p className={`ops-message ops-message--${message.tone}`} role="alert" data-testid="action-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
