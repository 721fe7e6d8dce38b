import { ROAD_CLASSES } from '@cbo/contracts';
import type { RoadSegment } from '@cbo/contracts';
import { LEVEL_COLORS, LEVEL_WIDTH_FACTORS, ROAD_CLASS_WIDTHS_PX } from './level-palette';

/**
 * Binary attributes of the segment PathLayer, built once per city and then written in place.
 * Per-vertex arrays follow deck.gl's binary path format: `startIndices[i]` is the first vertex of segment i.
 */
export interface SegmentAttributes {
  /** Number of segments (paths). */
  readonly length: number;
  /** First vertex of each segment, `length` entries (what deck.gl reads). */
  readonly startIndices: Uint32Array;
  /** First vertex of each segment plus the total vertex count at the end, `length + 1` entries. */
  readonly vertexStarts: Uint32Array;
  /** `[lng, lat]` per vertex, flat. */
  readonly positions: Float64Array;
  /** RGBA per vertex, flat. */
  readonly colors: Uint8Array;
  /** Line width per vertex, px. */
  readonly widthsPx: Float32Array;
  /** Road class index per segment (`ROAD_CLASSES` order). */
  readonly roadClassIndex: Uint8Array;
  /** Current congestion level per segment, 0 = no fresh data. */
  readonly levels: Uint8Array;
  /** Bumped whenever colours or widths change; feed it to the layer's `updateTriggers`. */
  version: number;
}

type SegmentGeometry = Pick<RoadSegment, 'path' | 'roadClass'>;

/** Builds the binary attributes of all segments, every segment at level 0 (no data). */
export function buildSegmentAttributes(segments: readonly SegmentGeometry[]): SegmentAttributes {
  const count = segments.length;
  const vertexStarts = new Uint32Array(count + 1);
  let vertexCount = 0;
  for (let i = 0; i < count; i += 1) {
    vertexStarts[i] = vertexCount;
    vertexCount += segments[i]!.path.length;
  }
  vertexStarts[count] = vertexCount;
  const positions = new Float64Array(vertexCount * 2);
  const roadClassIndex = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    const segment = segments[i]!;
    roadClassIndex[i] = Math.max(0, ROAD_CLASSES.indexOf(segment.roadClass));
    let offset = vertexStarts[i]! * 2;
    for (const [lng, lat] of segment.path) {
      positions[offset] = lng;
      positions[offset + 1] = lat;
      offset += 2;
    }
  }
  const attributes: SegmentAttributes = {
    length: count,
    startIndices: vertexStarts.subarray(0, count),
    vertexStarts,
    positions,
    colors: new Uint8Array(vertexCount * 4),
    widthsPx: new Float32Array(vertexCount),
    roadClassIndex,
    levels: new Uint8Array(count),
    version: 0,
  };
  for (let i = 0; i < count; i += 1) paintSegment(attributes, i, 0);
  return attributes;
}

/**
 * Writes the levels of the given segments into the colour and width arrays, touching only segments whose
 * level changed. Bumps `version` when anything was written.
 *
 * @param segmentIndices - segment indices, parallel to `levels`
 * @param levels - new level per listed segment, 0-5
 * @returns how many segments were repainted
 */
export function writeSegmentLevels(
  attributes: SegmentAttributes,
  segmentIndices: ArrayLike<number>,
  levels: ArrayLike<number>,
): number {
  let written = 0;
  for (let k = 0; k < segmentIndices.length; k += 1) {
    const index = segmentIndices[k]!;
    const level = levels[k]!;
    if (index >= attributes.length || attributes.levels[index] === level) continue;
    paintSegment(attributes, index, level);
    written += 1;
  }
  if (written > 0) attributes.version += 1;
  return written;
}

function paintSegment(attributes: SegmentAttributes, index: number, level: number): void {
  attributes.levels[index] = level;
  const color = LEVEL_COLORS[level] ?? LEVEL_COLORS[0]!;
  const widthPx =
    (ROAD_CLASS_WIDTHS_PX[attributes.roadClassIndex[index]!] ?? 1) * (LEVEL_WIDTH_FACTORS[level] ?? 1);
  const end = attributes.vertexStarts[index + 1]!;
  for (let vertex = attributes.vertexStarts[index]!; vertex < end; vertex += 1) {
    attributes.colors.set(color, vertex * 4);
    attributes.widthsPx[vertex] = widthPx;
  }
}

/** `[west, south, east, north]` of all segment vertices, degrees; null when there are none. */
export function segmentBounds(attributes: SegmentAttributes): [number, number, number, number] | null {
  const { positions } = attributes;
  if (positions.length < 2) return null;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let offset = 0; offset < positions.length; offset += 2) {
    const lng = positions[offset]!;
    const lat = positions[offset + 1]!;
    if (lng < west) west = lng;
    if (lng > east) east = lng;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return [west, south, east, north];
}
