import type { EvaluationInput } from '@cbo/alerts';
import type { TrafficInsightsService } from './traffic-insights';

/** A cleared incident is still reported (confidence 0) this long, so that its alert clears instead of going uncertain. */
export const CLEARED_REPORT_MS = 30 * 60_000;
/** Window of the illegal-parking counts, ms. */
export const PARKING_WINDOW_MS = 15 * 60_000;

type Readings = Record<string, { value: number; observedAt: number; fresh: boolean }>;

function addReading(
  map: Map<string, Readings>,
  id: string,
  metric: string,
  value: number,
  observedAt: number,
): void {
  let readings = map.get(id);
  if (!readings) {
    readings = {};
    map.set(id, readings);
  }
  readings[metric] = { value, observedAt, fresh: true };
}

/**
 * The alert engine's inputs from the traffic insights at `now`:
 * - segment `incidentConfidence` (0-1) for active suspected incidents, 0 for 30 min after one clears;
 * - segment and district `illegalParking15m`: camera events of the last 15 min (0 while any of the last
 *   30 min is known, so alerts clear);
 * - network and district `forecastTti15`, `forecastTti30`, `forecastTti60` from the latest forecasts.
 */
export function trafficInsightInputs(service: TrafficInsightsService, now: number): EvaluationInput {
  const segments = new Map<string, Readings>();
  const districts = new Map<string, Readings>();
  const network = new Map<string, Readings>();
  const { active, cleared } = service.incidents();
  for (const incident of cleared) {
    if (incident.clearedAt !== null && now - incident.clearedAt <= CLEARED_REPORT_MS) {
      addReading(segments, incident.segmentId, 'incidentConfidence', 0, incident.clearedAt);
    }
  }
  for (const incident of active) {
    addReading(segments, incident.segmentId, 'incidentConfidence', incident.confidence, incident.raisedAt);
  }
  for (const event of service.events.between(now - 2 * PARKING_WINDOW_MS, now, 5_000)) {
    if (event.kind !== 'illegal-parking') continue;
    const recent = event.observedAt >= now - PARKING_WINDOW_MS ? 1 : 0;
    const targets: [Map<string, Readings>, string | null][] = [
      [segments, event.segmentId],
      [districts, event.districtId],
    ];
    for (const [map, id] of targets) {
      if (id === null) continue;
      const previous = map.get(id)?.['illegalParking15m']?.value ?? 0;
      addReading(map, id, 'illegalParking15m', previous + recent, now);
    }
  }
  for (const forecast of service.latest().forecasts) {
    const map = forecast.areaId === 'network' ? network : districts;
    for (const point of forecast.points) {
      if (point.tti !== null)
        addReading(map, forecast.areaId, `forecastTti${point.horizonMinutes}`, point.tti, forecast.at);
    }
  }
  const list = (map: Map<string, Readings>): { id: string; metrics: Readings }[] =>
    [...map].map(([id, metrics]) => ({ id, metrics }));
  return { entities: { segment: list(segments), district: list(districts), network: list(network) } };
}
