import { Suspense, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { LanguageToggle } from '../header/language-toggle';
import { ScreenMessage } from '../errors/screen-message';
import { RequireRole } from '../auth/require-role';
import { SessionBadge } from '../auth/session-badge';
import { AdminUsers } from './admin-users';
import { AdminWalls } from './admin-walls';
import { AdminKeys } from './admin-keys';
import { AdminAudit } from './admin-audit';
import '../auth/auth.css';
import './admin.css';

const TABS = {
  users: { label: 'admin.tab.users', Panel: AdminUsers },
  walls: { label: 'admin.tab.walls', Panel: AdminWalls },
  keys: { label: 'admin.tab.keys', Panel: AdminKeys },
  audit: { label: 'admin.tab.audit', Panel: AdminAudit },
} as const;
type Tab = keyof typeof TABS;

/** `/admin` (administrators only): users, wall tokens, ingest keys, audit log. */
export function AdminScreen(): ReactNode {
  return (
    <RequireRole roles={['admin']}>
      <AdminPanels />
    </RequireRole>
  );
}

function AdminPanels(): ReactNode {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('users');
  const { Panel } = TABS[tab];
  return (
    <div className="admin" data-testid="admin-screen">
      <header className="admin__header">
        <h1>
          {t('app.title')} · {t('admin.title')}
        </h1>
        <SessionBadge />
        <LanguageToggle />
      </header>
      <nav className="admin__tabs" role="tablist">
        {(Object.keys(TABS) as Tab[]).map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={key === tab}
            className={key === tab ? 'admin__tab admin__tab--active' : 'admin__tab'}
            onClick={() => setTab(key)}
            data-testid={`admin-tab-${key}`}
          >
            {t(TABS[key].label)}
          </button>
        ))}
      </nav>
      <Suspense fallback={<ScreenMessage title={t('app.loading')} busy />}>
        <Panel />
      </Suspense>
    </div>
  );
}
