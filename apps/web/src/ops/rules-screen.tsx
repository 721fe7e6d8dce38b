import { useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Type } from '@sinclair/typebox';
import { StoredRuleSchema, type StoredRule } from '@cbo/contracts';
import { fetchValidated } from '../api/fetch-validated';
import { useI18n } from '../i18n/i18n-context';
import { LanguageToggle } from '../header/language-toggle';
import { SeverityBadge } from './severity-badge';
import { SilencesPanel } from './silences-panel';
import './ops.css';

const RuleListSchema = Type.Object({ rules: Type.Array(StoredRuleSchema) });
const rulesKey = ['ops', 'rules'] as const;

const NEW_RULE = {
  id: 'new-rule',
  version: 1,
  name: { zh: '新规则', en: 'New rule' },
  domain: 'traffic',
  target: 'segment',
  when: { metric: 'tti', op: '>=', value: 2 },
  forMs: 120000,
  clearWhen: { metric: 'tti', op: '<', value: 1.5 },
  clearForMs: 300000,
  severity: 'yellow',
  dedupeKey: '{rule}:{entity}',
  groupAdjacent: false,
  enabled: true,
};

async function send(
  url: string,
  method: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

/** `/ops/rules` (admin): the stored rules; edit one as JSON, validate it with explained errors, save a version. */
export function RulesScreen(): ReactNode {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) => fetchValidated('/api/v1/alerts/rules', RuleListSchema, signal),
  });
  const [draft, setDraft] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [note, setNote] = useState('');

  const open = (stored: StoredRule | null) => {
    setDraft(JSON.stringify(stored?.rule ?? NEW_RULE, null, 2));
    setProblems([]);
    setNote('');
  };
  const parse = (): unknown => {
    try {
      return JSON.parse(draft) as unknown;
    } catch (error) {
      setProblems([t('rules.notJson', { message: (error as Error).message })]);
      return undefined;
    }
  };
  const validate = async () => {
    const rule = parse();
    if (rule === undefined) return;
    const { json } = await send('/api/v1/alerts/rules/validate', 'POST', rule);
    const errors = (json.errors as string[] | undefined) ?? [String(json.message ?? '')];
    setProblems(errors);
    setNote(errors.length === 0 ? t('rules.valid') : '');
  };
  const save = async () => {
    const rule = parse() as { id?: string } | undefined;
    if (rule === undefined) return;
    const { status, json } = await send(
      `/api/v1/alerts/rules/${encodeURIComponent(rule.id ?? '')}`,
      'PUT',
      rule,
    );
    if (status === 200) {
      const saved = json as unknown as StoredRule;
      setDraft(JSON.stringify(saved.rule, null, 2));
      setProblems([]);
      setNote(t('rules.saved', { version: saved.rule.version }));
      void queryClient.invalidateQueries({ queryKey: rulesKey });
    } else {
      setNote('');
      setProblems((json.errors as string[] | undefined) ?? [String(json.message ?? status)]);
    }
  };

  return (
    <div className="ops" data-testid="rules-screen">
      <header className="ops-header">
        <h1>{t('rules.title')}</h1>
        <div className="ops-header__tools">
          <a className="ops-button" href="/ops">
            {t('rules.back')}
          </a>
          <LanguageToggle />
        </div>
      </header>
      <main className="ops-body">
        <section className="ops-inbox">
          <header className="ops-inbox__header">
            <h2>{t('rules.list')}</h2>
            <button type="button" className="ops-button" onClick={() => open(null)}>
              {t('rules.new')}
            </button>
          </header>
          <ol className="ops-inbox__list">
            {data?.rules.map((stored) => (
              <li key={stored.rule.id}>
                <button type="button" className="ops-case-row" onClick={() => open(stored)}>
                  <SeverityBadge severity={stored.rule.severity} compact />
                  <span className="ops-case-row__main">
                    <span className="ops-case-row__title">{stored.rule.id}</span>
                    <span className="ops-dim">
                      {t('rules.savedBy', { version: stored.rule.version, by: stored.savedBy })}
                    </span>
                  </span>
                  <span className="ops-status">{stored.rule.enabled ? '✓' : '—'}</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
        <section className="ops-main__case ops-rules">
          <textarea
            className="ops-rules__editor"
            value={draft}
            spellCheck={false}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="rule-editor"
          />
          <div className="ops-actions__buttons">
            <button type="button" className="ops-button" onClick={() => void validate()}>
              {t('rules.validate')}
            </button>
            <button type="button" className="ops-button ops-button--primary" onClick={() => void save()}>
              {t('rules.save')}
            </button>
          </div>
          {note && <p className="ops-message ops-message--warn">{note}</p>}
          {problems.length > 0 && (
            <ul className="ops-message ops-message--error" data-testid="rule-errors">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </section>
        <SilencesPanel />
      </main>
    </div>
  );
}
