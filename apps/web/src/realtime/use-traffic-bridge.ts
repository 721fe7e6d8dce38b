import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CityDocument, TrafficNow, TtiSeries } from '@cbo/contracts';
import { buildSegmentAttributes } from '../map/segment-attributes';
import type { SegmentAttributes } from '../map/segment-attributes';
import { appendTtiPoint } from '../queries/append-tti-point';
import { trafficKeys } from '../queries/traffic-queries';
import { insightKeys } from '../insights/insight-queries';
import { applyTrafficFrame } from './apply-traffic-frame';
import { FrameSequencer } from './frame-sequencer';
import { TrafficSocket } from './traffic-socket';
import type { ConnectionState } from './traffic-socket';
import { ValueStore } from './value-store';

/** What the wall gets from the live connection. */
export interface TrafficBridge {
  connection: ConnectionState;
  /** Binary segment attributes, written in place by frames; null until the city is loaded. */
  segments: SegmentAttributes | null;
  /** Version of `segments`; subscribe to redraw when colours change. */
  segmentsVersion: ValueStore<number>;
}

/**
 * The one place pushed data enters the screen: indices go into the `now` query and the per-minute series
 * query with `setQueryData`; binary frames are sequenced and written into the segment attributes.
 */
export function useTrafficBridge(city: CityDocument | undefined): TrafficBridge {
  const queryClient = useQueryClient();
  const [connectionStore] = useState(() => new ValueStore<ConnectionState>('connecting'));
  const [segmentsVersion] = useState(() => new ValueStore(0));
  const segments = useMemo(() => (city ? buildSegmentAttributes(city.segments) : null), [city]);

  useEffect(() => {
    if (!city || !segments) return undefined;
    const sequencer = new FrameSequencer(city.segmentsHash);
    let cityReloadRequested = false;
    const socket: TrafficSocket = new TrafficSocket(
      {
        onConnect: (recovered) => {
          if (!recovered) sequencer.reset();
        },
        onIndices: (now) => {
          queryClient.setQueryData<TrafficNow>(trafficKeys.now, now);
          queryClient.setQueryData<TtiSeries>(trafficKeys.series, (series) =>
            series ? appendTtiPoint(series, now.computedAt, now.network.tti) : series,
          );
        },
        onInsights: (insights) => queryClient.setQueryData(insightKeys.insights, insights),
        onFrame: (frame) => {
          const decision = applyTrafficFrame(segments, sequencer, frame);
          if (decision.action === 'resync') socket.requestResync();
          if (decision.action === 'reject' && !cityReloadRequested) {
            cityReloadRequested = true;
            // The server runs another city: reload it (and with it, new attributes).
            void queryClient.invalidateQueries({ queryKey: trafficKeys.city });
          }
          segmentsVersion.set(segments.version);
        },
        onInvalid: (event, reason) => console.warn(`dropped invalid ${event}: ${reason}`),
      },
      connectionStore,
    );
    return () => socket.close();
  }, [city, segments, queryClient, connectionStore, segmentsVersion]);

  const connection = useSyncExternalStore(connectionStore.subscribe, connectionStore.get);
  return { connection, segments, segmentsVersion };
}
