import { PathLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { District } from '@cbo/contracts';
import type { SegmentAttributes } from './segment-attributes';

/** deck.gl's binary data shape for the segment PathLayer; built once per city, attributes re-pointed per update. */
export interface SegmentLayerData {
  length: number;
  startIndices: Uint32Array;
  attributes: Record<
    string,
    { value: Float64Array | Float32Array | Uint8Array; size: number; normalized?: boolean }
  >;
  /** Attribute version the colour and width descriptors were last re-pointed for. */
  pointedVersion: number;
}

/** Wraps the binary attributes in deck.gl's data shape (once per city). */
export function createSegmentLayerData(segments: SegmentAttributes): SegmentLayerData {
  return {
    length: segments.length,
    startIndices: segments.startIndices,
    attributes: {
      getPath: { value: segments.positions, size: 2 },
      getColor: { value: segments.colors, size: 4, normalized: true },
      getWidth: { value: segments.widthsPx, size: 1 },
    },
    pointedVersion: segments.version,
  };
}

/** One district label: name and current TPI. */
export interface DistrictLabel {
  district: District;
  text: string;
}

/** Fonts for labels: the system CJK font first (no glyph download). */
export const LABEL_FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/**
 * The deck.gl layers of the wall map. The segment layer reuses the same data object and typed arrays every
 * time; only fresh attribute descriptors (same arrays) and the version in `updateTriggers` tell deck.gl to
 * re-upload colours and widths.
 *
 * @param scale - pixel scale of the screen (1 at 1080 px high)
 */
export function buildDeckLayers(
  data: SegmentLayerData,
  segments: SegmentAttributes,
  labels: readonly DistrictLabel[],
  scale: number,
): Layer[] {
  if (data.pointedVersion !== segments.version) {
    // deck.gl skips a binary attribute whose descriptor object it has seen; a new descriptor over the same,
    // already rewritten typed array makes it copy the values again. Nothing else is rebuilt.
    data.attributes.getColor = { value: segments.colors, size: 4, normalized: true };
    data.attributes.getWidth = { value: segments.widthsPx, size: 1 };
    data.pointedVersion = segments.version;
  }
  const pathLayer = new PathLayer({
    id: 'segments',
    data: data as never,
    _pathType: 'open',
    widthUnits: 'pixels',
    widthScale: scale,
    widthMinPixels: 1,
    capRounded: true,
    jointRounded: true,
    updateTriggers: { getColor: segments.version, getWidth: segments.version },
  });
  const textLayer = new TextLayer<DistrictLabel>({
    id: 'district-labels',
    data: labels,
    characterSet: 'auto',
    fontFamily: LABEL_FONT_FAMILY,
    fontWeight: 600,
    fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [7, 11, 18, 230],
    getPosition: (d) => d.district.labelAt,
    getText: (d) => d.text,
    getSize: 17 * scale,
    sizeUnits: 'pixels',
    getColor: [230, 236, 245, 235],
    lineHeight: 1.15,
  });
  return [pathLayer, textLayer];
}
