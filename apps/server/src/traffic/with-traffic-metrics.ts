import type { AreaIndices, AreaTrafficMetrics, TrafficInsights, TrafficNow } from '@cbo/contracts';

/** REST paths linked from `GET /traffic/now`. */
export const TRAFFIC_NOW_LINKS = {
  streets: '/api/v1/traffic/streets',
  incidents: '/api/v1/traffic/incidents',
} as const;

function withMetrics(area: AreaIndices, metrics: AreaTrafficMetrics | undefined): AreaIndices {
  if (!metrics) return area;
  return {
    ...area,
    vehiclesInTransit: metrics.vehiclesInTransit,
    congestionPoints: metrics.congestionPoints,
    activeIncidents: metrics.activeIncidents,
  };
}

/**
 * The indices of a tick completed into the seven metrics: vehicles in transit, congestion points and active
 * incidents of the same tick's insights are added to the network and to each district (matched by
 * `areaId`), with links to the per-street metrics and the incident list. The four metrics both hold (TTI,
 * TPI, mean speed, congested share) are computed by the same kernel, so the indices' values are kept.
 */
export function withTrafficMetrics(
  now: TrafficNow,
  insights: Pick<TrafficInsights, 'network' | 'districts'>,
): TrafficNow {
  const byId = new Map(insights.districts.map((metrics) => [metrics.areaId, metrics]));
  return {
    ...now,
    network: withMetrics(now.network, insights.network),
    districts: now.districts.map((district) => withMetrics(district, byId.get(district.areaId))),
    links: TRAFFIC_NOW_LINKS,
  };
}
