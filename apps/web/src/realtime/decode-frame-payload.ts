import { decodeFrame } from '@cbo/wire';
import type { TrafficFrame } from '@cbo/wire';

/** A socket payload decoded into a frame, or why it was dropped. */
export type DecodedFramePayload = { frame: TrafficFrame } | { error: string };

/**
 * Validates a binary frame payload of a socket event (live or replay): it must be binary, decode with
 * `@cbo/wire` and be of the expected kind (0 snapshot, 1 delta).
 */
export function decodeFramePayload(payload: unknown, expectedKind: 0 | 1): DecodedFramePayload {
  if (!(payload instanceof ArrayBuffer) && !ArrayBuffer.isView(payload)) return { error: 'not binary' };
  let frame: TrafficFrame;
  try {
    frame = decodeFrame(payload);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (frame.kind !== expectedKind) return { error: `frame kind ${frame.kind}` };
  return { frame };
}
