/** Offset of `timeZone` from UTC at instant `at`, minutes east (480 for Asia/Shanghai). */
export function utcOffsetMinutesOf(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const utcMinute = Math.floor(at / 60_000) * 60_000;
  return Math.round((local - utcMinute) / 60_000);
}
