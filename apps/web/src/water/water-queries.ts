import { queryOptions } from '@tanstack/react-query';
import {
  GaugeSeriesSchema,
  RiverEventListSchema,
  RiverNetworkDocumentSchema,
  RiverNowSchema,
} from '@cbo/contracts';
import { fetchValidated } from '../api/fetch-validated';

/** Query keys of the water screens, in one place. */
export const waterKeys = {
  network: ['river', 'network'] as const,
  now: ['river', 'now'] as const,
  events: ['river', 'events'] as const,
  series: (gaugeId: string) => ['river', 'series', gaugeId] as const,
};

/** Gauges, stations, cameras and reaches; they do not change while running. */
export function riverNetworkQuery() {
  return queryOptions({
    queryKey: waterKeys.network,
    queryFn: ({ signal }) => fetchValidated('/api/v1/river/network', RiverNetworkDocumentSchema, signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** The river indices now; `river:now` keeps it current between fetches. */
export function riverNowQuery() {
  return queryOptions({
    queryKey: waterKeys.now,
    queryFn: ({ signal }) => fetchValidated('/api/v1/river/now', RiverNowSchema, signal),
    staleTime: Infinity,
  });
}

/** Pollution events of the last 24 h, newest first; `river:event` prepends new ones. */
export function riverEventsQuery() {
  return queryOptions({
    queryKey: waterKeys.events,
    queryFn: ({ signal }) => fetchValidated('/api/v1/river/events', RiverEventListSchema, signal),
    // Case status and results change without a push: refetch now and then.
    refetchInterval: 60_000,
  });
}

/** Today's hydrograph of one gauge with thresholds and forecast. */
export function gaugeSeriesQuery(gaugeId: string) {
  return queryOptions({
    queryKey: waterKeys.series(gaugeId),
    queryFn: ({ signal }) =>
      fetchValidated(`/api/v1/river/gauges/${encodeURIComponent(gaugeId)}/series`, GaugeSeriesSchema, signal),
    refetchInterval: 60_000,
    enabled: gaugeId !== '',
  });
}
