import type { City } from '@cbo/city';
import type { EvaluationInput } from '@cbo/alerts';
import type { AlertTarget, RiverNow } from '@cbo/contracts';
import { WARNING_COLOUR_RANK } from '@cbo/indices';
import type { RiverService } from './river-service';

type Readings = Record<string, { value: number; observedAt: number; fresh: boolean }>;

/** `hoursToWarning` when no crossing is forecast (flat or falling river), so that alerts clear. */
export const NO_CROSSING_HOURS = 999;
/** A pollution event is open for its alert this long after detection; 0 for as long again, so it clears. */
export const POLLUTION_OPEN_MS = 24 * 3_600_000;

/**
 * The alert engine's river inputs from the latest river tick:
 * - gauge `signal` (colour rank 0-4), `levelM`, `warningMarginM`, `riseRate1hM`, `riseRate3hM`,
 *   `hoursToWarning` (999 when not rising), `silentMinutes` (age of the newest reading, always fresh);
 * - station `waterClass`, `classOverTarget`, `doMgL`, `nh3nMgL`, `silentMinutes`;
 * - reach `signal` (worst colour on the reach: adjacent gauges on one reach make one alert, one case);
 * - river-event `pollutionOpen`: 1 for 24 h after a detection, then 0 for 24 h;
 * - segment `flooded` (traffic): 1 near an orange or red gauge, else 0, for every segment near a gauge.
 */
export function riverAlertInputs(
  service: RiverService,
  city: Pick<City, 'segments'>,
  now: number,
): EvaluationInput {
  const river: RiverNow = service.latest();
  const at = river.computedAt;
  const gauges = river.gauges.map((g) => {
    const metrics: Readings = {};
    if (g.observedAt !== null) {
      metrics['silentMinutes'] = { value: (now - g.observedAt) / 60_000, observedAt: now, fresh: true };
    }
    if (g.levelM !== null && g.observedAt !== null) {
      const gauge = service.network.gauges[service.network.gaugeIndexById.get(g.gaugeId)!]!;
      const reading = (value: number) => ({ value, observedAt: g.observedAt!, fresh: g.fresh });
      metrics['signal'] = reading(WARNING_COLOUR_RANK[g.colour]);
      metrics['levelM'] = reading(g.levelM);
      metrics['warningMarginM'] = reading(g.levelM - gauge.warningLevelM);
      if (g.rise1hMPerH !== null) metrics['riseRate1hM'] = reading(g.rise1hMPerH);
      if (g.rise3hMPerH !== null) metrics['riseRate3hM'] = reading(g.rise3hMPerH * 3);
      if (g.timeToWarningMs !== null) metrics['hoursToWarning'] = reading(g.timeToWarningMs / 3_600_000);
      else if (g.forecastStatus === 'not-rising') metrics['hoursToWarning'] = reading(NO_CROSSING_HOURS);
    }
    return { id: g.gaugeId, metrics };
  });
  const stations = river.stations.map((s) => {
    const metrics: Readings = {};
    if (s.observedAt !== null) {
      metrics['silentMinutes'] = { value: (now - s.observedAt) / 60_000, observedAt: now, fresh: true };
      const reading = (value: number) => ({ value, observedAt: s.observedAt!, fresh: s.fresh });
      if (s.waterClass !== null) metrics['waterClass'] = reading(s.waterClass);
      if (s.classOverTarget !== null) metrics['classOverTarget'] = reading(s.classOverTarget);
      if (s.doMgL !== null) metrics['doMgL'] = reading(s.doMgL);
      if (s.nh3nMgL !== null) metrics['nh3nMgL'] = reading(s.nh3nMgL);
    }
    return { id: s.stationId, metrics };
  });
  const reaches = river.reaches
    .filter((r) => r.newestAt !== null && r.worstGaugeId !== null)
    .map((r) => ({
      id: r.reachId,
      metrics: {
        signal: { value: WARNING_COLOUR_RANK[r.colour], observedAt: r.newestAt!, fresh: r.coverage > 0 },
      },
    }));
  const events = service.events.between(now - 2 * POLLUTION_OPEN_MS, now).map((e) => ({
    id: e.id,
    metrics: {
      pollutionOpen: { value: now - e.observedAt <= POLLUTION_OPEN_MS ? 1 : 0, observedAt: at, fresh: true },
    },
  }));
  const flooded = new Set(river.floodedSegmentIds);
  const segmentIds = new Set(service.nearSegments.flat().map((i) => city.segments[i]!.id));
  const segments = [...segmentIds].map((id) => ({
    id,
    metrics: { flooded: { value: flooded.has(id) ? 1 : 0, observedAt: at, fresh: true } },
  }));
  const entities: Partial<Record<AlertTarget, { id: string; metrics: Readings }[]>> = {
    gauge: gauges,
    station: stations,
    reach: reaches,
    'river-event': events,
    segment: segments,
  };
  return { entities };
}
