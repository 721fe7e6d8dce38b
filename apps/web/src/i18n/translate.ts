import { DICTIONARIES, LOCALES } from './dictionaries';
import type { Locale, MessageKey } from './dictionaries';

/** Values substituted into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Looks up a message and fills its `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = DICTIONARIES[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Parses a locale from a URL parameter or stored value; null when it is not one we support. */
export function parseLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  if (value === 'zh' || value === 'zh-CN') return 'zh-CN';
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
}

/** Formats a number for the locale with a fixed number of fraction digits. */
export function formatNumber(locale: Locale, value: number, fractionDigits: number): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Formats a 0-1 share as a percentage. */
export function formatPercent(locale: Locale, share: number, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

/** Formats a duration in words: seconds below 2 minutes, minutes below 2 hours, then hours. */
export function formatAge(locale: Locale, ageMs: number): string {
  const seconds = Math.max(0, Math.round(ageMs / 1000));
  if (seconds < 120) return translate(locale, 'time.seconds', { n: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return translate(locale, 'time.minutes', { n: minutes });
  return translate(locale, 'time.hours', { n: formatNumber(locale, minutes / 60, 1) });
}
