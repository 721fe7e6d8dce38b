import { useState, type ReactNode } from 'react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n-context';
import { auditQuery } from './admin-queries';
import { formatTime } from './format-time';

/** The audit log, newest first, one page at a time. */
export function AdminAudit(): ReactNode {
  const { t, locale } = useI18n();
  const [beforeSeq, setBeforeSeq] = useState<number | undefined>(undefined);
  const { data } = useSuspenseQuery(auditQuery(beforeSeq));
  const oldest = data.entries.at(-1)?.seq;
  return (
    <section className="admin-section" data-testid="admin-audit">
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.audit.time')}</th>
            <th>{t('admin.audit.action')}</th>
            <th>{t('admin.audit.actor')}</th>
            <th>{t('admin.audit.address')}</th>
            <th>{t('admin.audit.target')}</th>
            <th>{t('admin.audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {data.entries.map((entry) => (
            <tr key={entry.seq}>
              <td>{formatTime(locale, entry.at, '')}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.actorName}
                {entry.actorRole && ` · ${t(`role.${entry.actorRole}`)}`}
              </td>
              <td>{entry.sourceAddress}</td>
              <td>{entry.target}</td>
              <td>
                <code>{Object.keys(entry.detail).length > 0 ? JSON.stringify(entry.detail) : ''}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {oldest !== undefined && oldest > 1 && data.entries.length >= 100 && (
        <button type="button" className="auth-button" onClick={() => setBeforeSeq(oldest)}>
          {t('admin.audit.more')}
        </button>
      )}
    </section>
  );
}
