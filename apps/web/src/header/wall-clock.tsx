import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { useServerNow } from '../status/use-server-now';

/**
 * Date and time in the city's time zone, ticking every second. It shows the server's time (the newest tick's
 * time plus what has elapsed since it arrived), so a wall on a server running simulated time (a replay speed,
 * a simulated day) shows the time its data describes, not the local machine's.
 */
export function WallClock({ timeZone }: { timeZone: string }): ReactNode {
  const { locale } = useI18n();
  const now = useServerNow(1000);
  const [dateFormat, timeFormat] = useMemo(
    () => [
      new Intl.DateTimeFormat(locale, {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        weekday: 'short',
      }),
      new Intl.DateTimeFormat(locale, {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }),
    ],
    [locale, timeZone],
  );
  return (
    <div className="wall-clock" data-testid="wall-clock">
      <span className="wall-clock__time">{timeFormat.format(now)}</span>
      <span className="wall-clock__date">{dateFormat.format(now)}</span>
    </div>
  );
}
