import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { IssuedWallToken } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { sendJson } from '../auth/auth-api';
import { wallTokensQuery } from './admin-queries';
import { formatTime } from './format-time';
import { MutationError } from './mutation-error';

/** Wall kiosk tokens: issue one for a screen (its link shown once), revoke. */
export function AdminWalls(): ReactNode {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const { data: tokens } = useSuspenseQuery(wallTokensQuery());
  const [screenName, setScreenName] = useState('');
  const [issued, setIssued] = useState<IssuedWallToken | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const issue = useMutation({
    mutationFn: () =>
      sendJson('POST', '/api/v1/admin/wall-tokens', { screenName }) as Promise<IssuedWallToken>,
    onSuccess: async (answer) => {
      setIssued(answer);
      setScreenName('');
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      sendJson('POST', `/api/v1/admin/wall-tokens/${encodeURIComponent(id)}/revoke`),
    onSuccess: refresh,
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    issue.mutate();
  }

  return (
    <section className="admin-section" data-testid="admin-walls">
      {issued && (
        <div className="admin-secret" data-testid="wall-token-issued">
          <p>{t('admin.walls.issued')}</p>
          <code>{`${window.location.origin}${issued.url}`}</code>
        </div>
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.walls.screen')}</th>
            <th>{t('admin.keys.state')}</th>
            <th>{t('admin.created')}</th>
            <th>{t('admin.walls.lastUsed')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} data-testid={`wall-row-${token.screenName}`}>
              <td>{token.screenName}</td>
              <td>{token.revokedAt === null ? t('admin.walls.active') : t('admin.walls.revoked')}</td>
              <td>{formatTime(locale, token.createdAt, '')}</td>
              <td>{formatTime(locale, token.lastUsedAt, t('admin.never'))}</td>
              <td className="admin-table__actions">
                {token.revokedAt === null && (
                  <button
                    type="button"
                    className="auth-button auth-button--danger"
                    onClick={() => window.confirm(t('admin.confirmRevoke')) && revoke.mutate(token.id)}
                  >
                    {t('admin.walls.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MutationError error={issue.error ?? revoke.error} />
      <form className="admin-form" onSubmit={submit}>
        <label className="auth-field">
          <span>{t('admin.walls.screen')}</span>
          <input
            value={screenName}
            pattern="[A-Za-z0-9._ \-]{1,64}"
            onChange={(event) => setScreenName(event.target.value)}
            required
            data-testid="wall-screen-name"
          />
        </label>
        <button type="submit" className="auth-button" disabled={issue.isPending} data-testid="wall-issue">
          {t('admin.walls.issue')}
        </button>
      </form>
    </section>
  );
}
