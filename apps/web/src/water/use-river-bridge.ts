import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RiverEventList, RiverNow } from '@cbo/contracts';
import { RiverSocket } from './river-socket';
import { waterKeys } from './water-queries';

/** Events kept in the list query, newest first. */
export const MAX_LISTED_EVENTS = 100;

/** A list with `event` first (replacing an older copy of it), at most {@link MAX_LISTED_EVENTS} long. */
export function prependEvent(
  list: RiverEventList | undefined,
  event: RiverEventList['events'][number],
): RiverEventList {
  const rest = (list?.events ?? []).filter((e) => e.id !== event.id);
  return { events: [event, ...rest].slice(0, MAX_LISTED_EVENTS) };
}

/**
 * The one place pushed river data enters a screen: `river:now` goes into the river-now query and each
 * `river:event` is prepended to the event list query, both with `setQueryData`.
 */
export function useRiverBridge(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = new RiverSocket({
      onNow: (now) => queryClient.setQueryData<RiverNow>(waterKeys.now, now),
      onEvent: (event) =>
        queryClient.setQueryData<RiverEventList>(waterKeys.events, (list) => prependEvent(list, event)),
      onInvalid: (event, reason) => console.warn(`dropped invalid ${event}: ${reason}`),
    });
    return () => socket.close();
  }, [queryClient]);
}
