import { useQuery } from '@tanstack/react-query';
import { trafficNowQuery } from '../queries/traffic-queries';
import { useNow } from './use-now';

/**
 * The server's time, re-read every `intervalMs`: the newest tick's time plus what has elapsed since it arrived.
 * A screen on a server running simulated time (a simulated day, a faster clock) then measures ages and shows
 * clocks in the time its data describes, not the local machine's. Before the first tick: the local time.
 */
export function useServerNow(intervalMs = 1000): number {
  const localNow = useNow(intervalMs);
  const { data, dataUpdatedAt } = useQuery(trafficNowQuery());
  return data && dataUpdatedAt > 0 ? data.computedAt + Math.max(0, localNow - dataUpdatedAt) : localNow;
}
