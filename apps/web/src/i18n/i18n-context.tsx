import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Locale, MessageKey } from './dictionaries';
import { parseLocale, translate } from './translate';
import type { MessageParams } from './translate';

/** localStorage key holding the chosen language. */
export const LOCALE_STORAGE_KEY = 'cbo.locale';

/** What screens get from {@link useI18n}. */
export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const fromUrl = parseLocale(new URLSearchParams(window.location.search).get('lang'));
  if (fromUrl) return fromUrl;
  try {
    return parseLocale(window.localStorage.getItem(LOCALE_STORAGE_KEY)) ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Provides the language: `?lang=en` wins, then the stored choice, then zh-CN. */
export function I18nProvider({ children }: { children: ReactNode }): ReactNode {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // A kiosk without storage still switches for this session.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.title');
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its translate function and the setter. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
