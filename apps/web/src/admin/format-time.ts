import type { Locale } from '../i18n/dictionaries';

/** A date and time in the viewer's locale, or the given text for null. */
export function formatTime(locale: Locale, at: number | null, never: string): string {
  if (at === null) return never;
  return new Date(at).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
