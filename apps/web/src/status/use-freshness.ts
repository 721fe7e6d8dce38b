import { useQuery } from '@tanstack/react-query';
import { trafficNowQuery } from '../queries/traffic-queries';
import type { ConnectionState } from '../realtime/traffic-socket';
import { assessFreshness } from './assess-freshness';
import type { Freshness } from './assess-freshness';
import { useNow } from './use-now';

/** Freshness of the screen's traffic data, re-assessed every second. */
export function useFreshness(connection: ConnectionState): Freshness & { sinceUpdateMs: number | null } {
  const now = useNow(1000);
  const { data, dataUpdatedAt } = useQuery(trafficNowQuery());
  const indicesReceivedAt = data && dataUpdatedAt > 0 ? dataUpdatedAt : null;
  const freshness = assessFreshness({
    now,
    connection,
    indicesReceivedAt,
    newestInputAgeMs: data?.network.newestInputAgeMs ?? null,
    tti: data?.network.tti ?? null,
  });
  return {
    ...freshness,
    sinceUpdateMs: indicesReceivedAt === null ? null : Math.max(0, now - indicesReceivedAt),
  };
}
