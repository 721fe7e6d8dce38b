import { useEffect, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { BikesNow } from '@cbo/contracts';
import { ValueStore } from '../realtime/value-store';
import type { ConnectionState } from '../realtime/traffic-socket';
import { applyBikeFrame } from './apply-bike-frame';
import { BikeFrameSequencer } from './bike-frame-sequencer';
import { BikeFrameStore } from './bike-frame-store';
import { bikeKeys } from './bike-queries';
import { BikeSocket } from './bike-socket';

/** What a screen gets from the bike stream. */
export interface BikeBridge {
  connection: ConnectionState;
  /** Every bike in typed arrays, written in place by frames. */
  store: BikeFrameStore;
  /** The store's version; subscribe to redraw the bike layers. */
  storeVersion: ValueStore<number>;
  /** Client time the newest `bikes:now` arrived, epoch ms; null before the first. */
  nowReceivedAt: ValueStore<number | null>;
}

/**
 * The one place pushed bike data enters a screen: `bikes:now` goes into the `bikes now` query with
 * `setQueryData`; binary frames are sequenced and written into the {@link BikeFrameStore}; a gap asks for
 * `bikes:resync`. The store outlives reconnects, so the last bikes stay on screen until a new snapshot.
 *
 * @param hexRadiusM - circumradius of the density hexagons, metres
 */
export function useBikeBridge(hexRadiusM = 250): BikeBridge {
  const queryClient = useQueryClient();
  const [connectionStore] = useState(() => new ValueStore<ConnectionState>('connecting'));
  const [storeVersion] = useState(() => new ValueStore(0));
  const [nowReceivedAt] = useState(() => new ValueStore<number | null>(null));
  const [store] = useState(() => new BikeFrameStore({ hexRadiusM }));

  useEffect(() => {
    const sequencer = new BikeFrameSequencer();
    const socket: BikeSocket = new BikeSocket(
      {
        onSubscribed: () => sequencer.reset(),
        onNow: (now) => {
          queryClient.setQueryData<BikesNow>(bikeKeys.now, now);
          nowReceivedAt.set(Date.now());
        },
        onFrame: (frame) => {
          const decision = applyBikeFrame(store, sequencer, frame);
          if (decision.action === 'resync') socket.requestResync();
          storeVersion.set(store.version);
        },
        onInvalid: (event, reason) => console.warn(`dropped invalid ${event}: ${reason}`),
      },
      connectionStore,
    );
    return () => socket.close();
  }, [queryClient, connectionStore, storeVersion, nowReceivedAt, store]);

  const connection = useSyncExternalStore(connectionStore.subscribe, connectionStore.get);
  return { connection, store, storeVersion, nowReceivedAt };
}
