import { Suspense, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from './i18n/i18n-context';
import { ErrorBoundary } from './errors/error-boundary';
import { ScreenMessage } from './errors/screen-message';
import { WallScreen } from './wall/wall-screen';
import { ReplayScreen } from './replay/replay-screen';
import { OpsScreen } from './ops/ops-screen';
import { RulesScreen } from './ops/rules-screen';
import { RequireRole } from './auth/require-role';
import { LoginScreen } from './auth/login-screen';
import { WallGate } from './auth/wall-gate';
import { AdminScreen } from './admin/admin-screen';
import { BikesScreen } from './bikes/bikes-screen';
import { WaterScreen } from './water/water-screen';

/** The screens by path; `/` goes to the wall. */
const ROUTES: Readonly<Record<string, () => ReactNode>> = {
  '/wall': () => (
    <WallGate>
      <WallScreen />
    </WallGate>
  ),
  '/login': LoginScreen,
  '/admin': AdminScreen,
  '/replay': () => (
    <RequireRole roles={['analyst', 'officer', 'admin']}>
      <ReplayScreen />
    </RequireRole>
  ),
  '/ops': () => (
    <RequireRole roles={['officer', 'admin']}>
      <OpsScreen />
    </RequireRole>
  ),
  '/ops/rules': () => (
    <RequireRole roles={['admin']}>
      <RulesScreen />
    </RequireRole>
  ),
  '/bikes': () => (
    <RequireRole roles={['analyst', 'officer', 'admin']}>
      <BikesScreen />
    </RequireRole>
  ),
  '/water': () => (
    <RequireRole roles={['analyst', 'officer', 'admin']}>
      <WaterScreen />
    </RequireRole>
  ),
};

function subscribeToHistory(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}

function currentPath(): string {
  return window.location.pathname.replace(/\/+$/, '') || '/';
}

/** Sends `/` to the wall (before the first render). */
export function redirectRoot(): void {
  if (currentPath() === '/') window.history.replaceState(null, '', `/wall${window.location.search}`);
}

/** Picks the screen for the URL inside an error boundary and a dark loading state. */
export function App(): ReactNode {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const path = useSyncExternalStore(subscribeToHistory, currentPath);
  const Screen = ROUTES[path];
  if (!Screen) return <ScreenMessage title={t('app.notFound')} detail={path} />;
  return (
    <ErrorBoundary
      onRetry={() => queryClient.resetQueries()}
      fallback={(error, retry, retryInS) => (
        <ScreenMessage
          title={t('app.error')}
          detail={`${error.message} · ${t('app.retrying', { seconds: retryInS })}`}
          onRetry={retry}
        />
      )}
    >
      <Suspense fallback={<ScreenMessage title={t('app.loading')} busy />}>
        <Screen />
      </Suspense>
    </ErrorBoundary>
  );
}
