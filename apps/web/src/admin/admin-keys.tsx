import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { INGEST_FEEDS, type IngestFeed, type IngestKey, type IssuedIngestKey } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { sendJson } from '../auth/auth-api';
import { ingestKeysQuery } from './admin-queries';
import { formatTime } from './format-time';
import { MutationError } from './mutation-error';

function isActive(key: IngestKey, now: number): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt > now);
}

/** Ingest keys: create one per source with its feeds (shown once), rotate (old key lives one day), revoke. */
export function AdminKeys(): ReactNode {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const { data: keys, dataUpdatedAt: now } = useSuspenseQuery(ingestKeysQuery());
  const [source, setSource] = useState('');
  const [feeds, setFeeds] = useState<IngestFeed[]>(['traffic']);
  const [issued, setIssued] = useState<IssuedIngestKey | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const onIssued = async (answer: IssuedIngestKey) => {
    setIssued(answer);
    await refresh();
  };
  const create = useMutation({
    mutationFn: () =>
      sendJson('POST', '/api/v1/admin/ingest-keys', { source, feeds }) as Promise<IssuedIngestKey>,
    onSuccess: onIssued,
  });
  const rotate = useMutation({
    mutationFn: (id: string) =>
      sendJson(
        'POST',
        `/api/v1/admin/ingest-keys/${encodeURIComponent(id)}/rotate`,
      ) as Promise<IssuedIngestKey>,
    onSuccess: onIssued,
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      sendJson('POST', `/api/v1/admin/ingest-keys/${encodeURIComponent(id)}/revoke`),
    onSuccess: refresh,
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    create.mutate();
  }

  function toggleFeed(feed: IngestFeed): void {
    setFeeds((current) => (current.includes(feed) ? current.filter((f) => f !== feed) : [...current, feed]));
  }

  return (
    <section className="admin-section" data-testid="admin-keys">
      {issued && (
        <div className="admin-secret" data-testid="ingest-key-issued">
          <p>{t('admin.keys.issued')}</p>
          <code>{issued.key}</code>
        </div>
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.keys.source')}</th>
            <th>{t('admin.keys.feeds')}</th>
            <th>{t('admin.keys.prefix')}</th>
            <th>{t('admin.keys.state')}</th>
            <th>{t('admin.walls.lastUsed')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <td>{key.source}</td>
              <td>{key.feeds.join(', ')}</td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>
                {isActive(key, now) ? t('admin.walls.active') : t('admin.walls.revoked')}
                {key.expiresAt !== null &&
                  isActive(key, now) &&
                  ` · ${t('admin.keys.expires', { time: formatTime(locale, key.expiresAt, '') })}`}
              </td>
              <td>{formatTime(locale, key.lastUsedAt, t('admin.never'))}</td>
              <td className="admin-table__actions">
                {isActive(key, now) && (
                  <>
                    <button type="button" className="auth-button" onClick={() => rotate.mutate(key.id)}>
                      {t('admin.keys.rotate')}
                    </button>
                    <button
                      type="button"
                      className="auth-button auth-button--danger"
                      onClick={() => revoke.mutate(key.id)}
                    >
                      {t('admin.keys.revoke')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MutationError error={create.error ?? rotate.error ?? revoke.error} />
      <form className="admin-form" onSubmit={submit}>
        <label className="auth-field">
          <span>{t('admin.keys.source')}</span>
          <input
            value={source}
            pattern="[a-z0-9][a-z0-9._\-]{1,47}"
            onChange={(event) => setSource(event.target.value)}
            required
          />
        </label>
        <fieldset className="admin-feeds">
          <legend>{t('admin.keys.feeds')}</legend>
          {INGEST_FEEDS.map((feed) => (
            <label key={feed}>
              <input type="checkbox" checked={feeds.includes(feed)} onChange={() => toggleFeed(feed)} />{' '}
              {feed}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="auth-button" disabled={create.isPending || feeds.length === 0}>
          {t('admin.keys.create')}
        </button>
      </form>
    </section>
  );
}
