import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { useQuery } from '@tanstack/react-query';
import { useStableByKey } from './use-stable-by-key';
import type { SuspectedIncident, TrafficEvent } from '@cbo/contracts';
import { trafficEventsQuery, trafficInsightsQuery } from '../insights/insight-queries';
import { buildIncidentLayers, incidentMarkers, parkingMarkers } from './incident-layers';

const NO_INCIDENTS: SuspectedIncident[] = [];
const NO_EVENTS: TrafficEvent[] = [];

/**
 * The incident overlay layers of a city map, fed by the insights query (REST, then every tick's
 * `traffic:insights` through the screen's traffic bridge) and the camera event list. Stable while the
 * incidents and events are unchanged (the query cache shares equal data structurally).
 *
 * @param scale - pixel scale of the screen (1 at 1080 px high)
 */
export function useIncidentOverlay(scale: number): readonly Layer[] {
  const { data: insights } = useQuery(trafficInsightsQuery());
  const { data: eventList } = useQuery(trafficEventsQuery());
  const incidents = insights?.incidents ?? NO_INCIDENTS;
  const events = eventList?.events ?? NO_EVENTS;
  const incidentList = useStableByKey(
    useMemo(() => incidentMarkers(incidents), [incidents]),
    incidents.map((i) => `${i.segmentId}:${Math.round(i.confidence * 100)}`).join(),
  );
  const parkingList = useStableByKey(
    useMemo(() => parkingMarkers(events), [events]),
    events.map((e) => e.id).join(),
  );
  return useMemo(
    () => buildIncidentLayers(incidentList, parkingList, scale),
    [incidentList, parkingList, scale],
  );
}
