import { BIKE_FRAME_KIND_SNAPSHOT, BIKE_STATE_GONE } from '@cbo/contracts';
import type { BikeFrame } from '@cbo/wire';
import type { BikeFrameStore } from './bike-frame-store';
import type { BikeFrameDecision, BikeFrameSequencer } from './bike-frame-sequencer';

/** Read once per bike: a module constant, not an imported binding. */
const GONE = BIKE_STATE_GONE;

/**
 * Runs a bike frame through the sequencer and, when it is to be applied, writes it into the store in place:
 * a snapshot replaces every bike (those it does not carry are gone), a delta writes the bikes it carries and
 * removes those marked `BIKE_STATE_GONE`. Offsets of a frame with another origin than the store's are shifted
 * onto the store's origin. Hexagon counts follow each move and are repainted once per frame.
 *
 * @returns the sequencer's decision; `resync` means the caller should emit `bikes:resync`
 */
export function applyBikeFrame(
  store: BikeFrameStore,
  sequencer: BikeFrameSequencer,
  frame: BikeFrame,
): BikeFrameDecision {
  const decision = sequencer.decide(frame);
  if (decision.action !== 'apply') return decision;
  const isSnapshot = frame.kind === BIKE_FRAME_KIND_SNAPSHOT;
  if (isSnapshot || !store.origin) store.reset(frame.origin);
  const origin = store.origin ?? frame.origin;
  const shiftLng = frame.origin[0] - origin[0];
  const shiftLat = frame.origin[1] - origin[1];
  const count = frame.indices.length;
  if (count > 0) store.ensureIndex(frame.indices[count - 1]!);
  for (let k = 0; k < count; k += 1) {
    const index = frame.indices[k]!;
    const state = frame.states[k]!;
    if (state === GONE) {
      store.removeBike(index);
      continue;
    }
    store.writeBike(
      index,
      state,
      frame.operators[k]!,
      frame.offsets[k * 2]! + shiftLng,
      frame.offsets[k * 2 + 1]! + shiftLat,
    );
    if (index >= store.length) store.length = index + 1;
  }
  store.grid?.paint();
  store.at = frame.at;
  store.version += 1;
  return decision;
}
