import { useQuery } from '@tanstack/react-query';
import type { ConnectionState } from '../realtime/traffic-socket';
import { useNow } from '../status/use-now';
import { assessBikeFreshness } from './assess-bike-freshness';
import type { BikeFreshness } from './assess-bike-freshness';
import { bikesNowQuery } from './bike-queries';

/**
 * Freshness of the bike data on screen, re-assessed every second: when the `bikes now` query was last
 * written (REST or `bikes:now`), the connection, and the feeds' own stale flags.
 */
export function useBikeFreshness(connection: ConnectionState): BikeFreshness {
  const now = useNow(1000);
  const { data, dataUpdatedAt } = useQuery(bikesNowQuery());
  return assessBikeFreshness({
    now,
    connection,
    receivedAt: data ? dataUpdatedAt : null,
    feeds: data?.feeds ?? null,
  });
}
