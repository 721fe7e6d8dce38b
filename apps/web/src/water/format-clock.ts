import type { Locale } from '../i18n/dictionaries';

const formats = new Map<string, Intl.DateTimeFormat>();

/** `HH:mm` of an instant in the city's time zone. */
export function formatClock(at: number, timeZone: string, locale: Locale): string {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return format.format(at);
}
