import { ROAD_CLASSES, SPEED_SCALE, SPEED_UNKNOWN } from '@cbo/contracts';
import { congestionLevelForSpeed } from '@cbo/indices';
import type { TrafficFrame } from '@cbo/wire';
import { writeSegmentLevels } from '../map/segment-attributes';
import type { SegmentAttributes } from '../map/segment-attributes';
import type { FrameDecision, FrameSequencer } from './frame-sequencer';

/**
 * Level of a quantized speed on a road class index: 0 when the speed is unknown (no fresh reading),
 * else the GB/T 33171 level of its road class.
 */
export function levelForQuantizedSpeed(roadClassIndex: number, quantizedSpeed: number): number {
  if (quantizedSpeed === SPEED_UNKNOWN) return 0;
  const roadClass = ROAD_CLASSES[roadClassIndex] ?? 'branch';
  return congestionLevelForSpeed(roadClass, quantizedSpeed / SPEED_SCALE);
}

/**
 * Runs a frame through the sequencer and, when it is to be applied, writes the levels of the segments it
 * carries into the binary attributes (a snapshot: every segment; a delta: the changed ones only).
 *
 * @returns the sequencer's decision; `resync` means the caller should ask the server for a snapshot
 */
export function applyTrafficFrame(
  attributes: SegmentAttributes,
  sequencer: FrameSequencer,
  frame: TrafficFrame,
): FrameDecision {
  const decision = sequencer.decide(frame);
  if (decision.action !== 'apply') return decision;
  const isSnapshot = frame.kind === 0;
  const count = isSnapshot ? Math.min(frame.speeds.length, attributes.length) : frame.indices.length;
  const segmentIndices = isSnapshot ? null : frame.indices;
  const levels = new Uint8Array(count);
  for (let k = 0; k < count; k += 1) {
    const index = segmentIndices ? segmentIndices[k]! : k;
    const classIndex = attributes.roadClassIndex[index] ?? 3;
    levels[k] = levelForQuantizedSpeed(classIndex, frame.speeds[k]!);
  }
  writeSegmentLevels(attributes, segmentIndices ?? identityIndices(count), levels);
  return decision;
}

function identityIndices(count: number): Uint32Array {
  const indices = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) indices[i] = i;
  return indices;
}
