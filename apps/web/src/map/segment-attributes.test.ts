import { describe, expect, it } from 'vitest';
import type { LngLat, RoadClass } from '@cbo/contracts';
import { buildSegmentAttributes, segmentBounds, writeSegmentLevels } from './segment-attributes';
import { LEVEL_COLORS, LEVEL_WIDTH_FACTORS, ROAD_CLASS_WIDTHS_PX } from './level-palette';

const line = (n: number): LngLat[] => Array.from({ length: n }, (_, i): LngLat => [120 + i * 0.01, 30]);
const segment = (vertices: number, roadClass: RoadClass = 'arterial') => ({
  path: line(vertices),
  roadClass,
});

/** Colour of one vertex as a plain array. */
const vertexColor = (colors: Uint8Array, vertex: number) =>
  Array.from(colors.subarray(vertex * 4, vertex * 4 + 4));

describe('buildSegmentAttributes', () => {
  it('lays out start indices and flat positions per segment', () => {
    const attributes = buildSegmentAttributes([segment(2), segment(3)]);
    expect(Array.from(attributes.startIndices)).toEqual([0, 2]);
    expect(Array.from(attributes.vertexStarts)).toEqual([0, 2, 5]);
    expect(attributes.positions.length).toBe(10);
    expect(Array.from(attributes.positions.subarray(4, 6))).toEqual([120, 30]);
  });

  it('paints every vertex dim grey (level 0) before any data', () => {
    const attributes = buildSegmentAttributes([segment(2), segment(3)]);
    for (let vertex = 0; vertex < 5; vertex += 1)
      expect(vertexColor(attributes.colors, vertex)).toEqual([...LEVEL_COLORS[0]!]);
  });
});

describe('writeSegmentLevels', () => {
  it('writes colour and width of the changed segment only', () => {
    const attributes = buildSegmentAttributes([segment(2), segment(3), segment(2)]);
    writeSegmentLevels(attributes, [1], [5]);
    // Segment 1 owns vertices 2..4; segments 0 and 2 keep level 0.
    expect(vertexColor(attributes.colors, 1)).toEqual([...LEVEL_COLORS[0]!]);
    expect(vertexColor(attributes.colors, 2)).toEqual([...LEVEL_COLORS[5]!]);
    expect(vertexColor(attributes.colors, 4)).toEqual([...LEVEL_COLORS[5]!]);
    expect(vertexColor(attributes.colors, 5)).toEqual([...LEVEL_COLORS[0]!]);
    expect(attributes.widthsPx[3]).toBeCloseTo(ROAD_CLASS_WIDTHS_PX[1]! * LEVEL_WIDTH_FACTORS[5]!);
  });

  it('makes congested segments wider than free-flowing ones', () => {
    const attributes = buildSegmentAttributes([segment(2), segment(2)]);
    writeSegmentLevels(attributes, [0, 1], [1, 5]);
    expect(attributes.widthsPx[2]!).toBeGreaterThan(attributes.widthsPx[0]!);
  });

  it('bumps the version when something changed and reports the count', () => {
    const attributes = buildSegmentAttributes([segment(2), segment(2)]);
    expect(writeSegmentLevels(attributes, [0, 1], [3, 4])).toBe(2);
    expect(attributes.version).toBe(1);
  });

  it('skips segments whose level did not change, keeping the version', () => {
    const attributes = buildSegmentAttributes([segment(2), segment(2)]);
    writeSegmentLevels(attributes, [0], [3]);
    expect(writeSegmentLevels(attributes, [0], [3])).toBe(0);
    expect(attributes.version).toBe(1);
  });

  it('keeps the same typed arrays (no reallocation)', () => {
    const attributes = buildSegmentAttributes([segment(2)]);
    const { colors, widthsPx } = attributes;
    writeSegmentLevels(attributes, [0], [2]);
    expect(attributes.colors).toBe(colors);
    expect(attributes.widthsPx).toBe(widthsPx);
  });
});

describe('segmentBounds', () => {
  it('spans every vertex of every segment', () => {
    const attributes = buildSegmentAttributes([
      segment(2),
      {
        path: [
          [119.5, 29.9],
          [120.5, 30.4],
        ],
        roadClass: 'branch',
      },
    ]);
    expect(segmentBounds(attributes)).toEqual([119.5, 29.9, 120.5, 30.4]);
  });
});
