import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** Switches between Chinese and English; the choice is remembered. */
export function LanguageToggle(): ReactNode {
  const { t, locale, setLocale } = useI18n();
  return (
    <button
      type="button"
      className="language-toggle"
      data-testid="language-toggle"
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.switch')}
    </button>
  );
}
