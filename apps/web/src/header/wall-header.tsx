import type { ReactNode } from 'react';
import type { CityDocument } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import type { ConnectionState } from '../realtime/traffic-socket';
import { ConnectionBadge } from '../status/connection-badge';
import { LanguageToggle } from './language-toggle';
import { WallClock } from './wall-clock';

/** Title, city, clock, connection state and the language switch. */
export function WallHeader({
  city,
  connection,
}: {
  city: CityDocument;
  connection: ConnectionState;
}): ReactNode {
  const { t, locale } = useI18n();
  return (
    <header className="wall-header">
      <div className="wall-header__brand">
        <h1 className="wall-header__title" data-testid="wall-title">
          {t('app.title')}
        </h1>
        <span className="wall-header__city">
          {locale === 'en' ? city.nameEn : city.nameZh} · {t('app.subtitle')}
        </span>
      </div>
      <WallClock timeZone={city.timeZone} />
      <div className="wall-header__status">
        <ConnectionBadge connection={connection} />
        <LanguageToggle />
      </div>
    </header>
  );
}
