import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { USER_ROLES, type User } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { sendJson } from '../auth/auth-api';
import { usersQuery } from './admin-queries';
import { formatTime } from './format-time';
import { MutationError } from './mutation-error';

type UserRole = (typeof USER_ROLES)[number];

/** Users: create, change role, disable or enable, reset a password. */
export function AdminUsers(): ReactNode {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const { data: users } = useSuspenseQuery(usersQuery());
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<UserRole>('officer');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const create = useMutation({
    mutationFn: () => sendJson('POST', '/api/v1/admin/users', { username, password, role }),
    onSuccess: async () => {
      setUsername('');
      setPassword('');
      await refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Record<string, unknown> }) =>
      sendJson('PATCH', `/api/v1/admin/users/${encodeURIComponent(id)}`, changes),
    onSuccess: refresh,
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    create.mutate();
  }

  function resetPassword(user: User): void {
    const next = window.prompt(`${t('admin.users.newPassword')} · ${user.username}`);
    if (next) update.mutate({ id: user.id, changes: { password: next } });
  }

  return (
    <section className="admin-section" data-testid="admin-users">
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.users.username')}</th>
            <th>{t('admin.users.role')}</th>
            <th>{t('admin.users.status')}</th>
            <th>{t('admin.users.lastSignIn')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid={`user-row-${user.username}`}>
              <td>{user.username}</td>
              <td>
                <select
                  value={user.role}
                  aria-label={t('admin.users.role')}
                  onChange={(event) => update.mutate({ id: user.id, changes: { role: event.target.value } })}
                >
                  {USER_ROLES.map((option) => (
                    <option key={option} value={option}>
                      {t(`role.${option}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>{user.disabled ? t('admin.users.disabled') : t('admin.users.enabled')}</td>
              <td>{formatTime(locale, user.lastSignInAt, t('admin.never'))}</td>
              <td className="admin-table__actions">
                <button
                  type="button"
                  className="auth-button"
                  onClick={() => update.mutate({ id: user.id, changes: { disabled: !user.disabled } })}
                >
                  {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                </button>
                <button type="button" className="auth-button" onClick={() => resetPassword(user)}>
                  {t('admin.users.resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MutationError error={update.error ?? create.error} />
      <form className="admin-form" onSubmit={submit}>
        <label className="auth-field">
          <span>{t('admin.users.username')}</span>
          <input value={username} onChange={(event) => setUsername(event.target.value)} required />
        </label>
        <label className="auth-field">
          <span>{t('admin.users.password')}</span>
          <input
            type="password"
            autoComplete="new-password"
            minLength={12}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        <label className="auth-field">
          <span>{t('admin.users.role')}</span>
          <select value={role} onChange={(event) => setRole(event.target.value as UserRole)}>
            {USER_ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`role.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="auth-button" disabled={create.isPending}>
          {t('admin.users.create')}
        </button>
      </form>
    </section>
  );
}
