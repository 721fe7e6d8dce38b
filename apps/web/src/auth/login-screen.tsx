import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { LanguageToggle } from '../header/language-toggle';
import { ApiError, safeNext, signIn } from './auth-api';
import './auth.css';

/** Error codes of a failed sign-in to the message key shown. */
function failureKey(error: unknown): 'auth.login.wrong' | 'auth.login.tooMany' | 'auth.login.failed' {
  if (error instanceof ApiError && error.code === 'CBO_ERR_SIGN_IN_FAILED') return 'auth.login.wrong';
  if (error instanceof ApiError && error.status === 429) return 'auth.login.tooMany';
  return 'auth.login.failed';
}

/** `/login`: username and password; on success goes to `?next=` (a path on this site) or the wall. */
export function LoginScreen(): ReactNode {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ReturnType<typeof failureKey> | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
      window.location.assign(safeNext(new URLSearchParams(window.location.search).get('next')));
    } catch (error) {
      setFailure(failureKey(error));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <div className="auth-page" data-testid="login-screen">
      <div className="auth-page__lang">
        <LanguageToggle />
      </div>
      <form className="auth-card" onSubmit={(event) => void submit(event)}>
        <h1 className="auth-card__title">{t('app.title')}</h1>
        <p className="auth-card__subtitle">{t('auth.login.title')}</p>
        <label className="auth-field">
          <span>{t('auth.login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            data-testid="login-username"
          />
        </label>
        <label className="auth-field">
          <span>{t('auth.login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="login-password"
          />
        </label>
        {failure && (
          <p className="auth-card__error" role="alert" data-testid="login-error">
            {t(failure)}
          </p>
        )}
        <button type="submit" className="auth-button" disabled={busy} data-testid="login-submit">
          {busy ? t('auth.login.busy') : t('auth.login.submit')}
        </button>
        <p className="auth-card__hint">{t('auth.login.hint')}</p>
      </form>
    </div>
  );
}
