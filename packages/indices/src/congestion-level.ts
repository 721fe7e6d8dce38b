import { ROAD_CLASSES } from '@cbo/contracts';
import type { RoadClass } from '@cbo/contracts';

/** A congestion level by GB/T 33171-2016: 1 畅通 … 5 严重拥堵. */
export type SegmentLevel = 1 | 2 | 3 | 4 | 5;

/**
 * Lower speed edges of levels 1-4 per road class, km/h, from GB/T 33171-2016 (城市交通运行状况评价规范),
 * table "路段交通运行状况等级划分". Each edge belongs to the slower level: a speed `v` is level 1 when
 * `v > edges[0]`, level 2 when `edges[1] < v <= edges[0]`, …, level 5 when `v <= edges[3]`.
 */
export const SPEED_BAND_EDGES_KMH: Readonly<Record<RoadClass, readonly [number, number, number, number]>> = {
  expressway: [65, 50, 35, 20],
  arterial: [40, 30, 20, 15],
  secondary: [35, 25, 15, 10],
  branch: [35, 25, 15, 10],
};

/** The same edges flattened by road class index (`ROAD_CLASSES` order), 4 per class, for hot loops. */
export const SPEED_BAND_EDGES_BY_CLASS_INDEX: Float64Array = Float64Array.from(
  ROAD_CLASSES.flatMap((roadClass) => [...SPEED_BAND_EDGES_KMH[roadClass]]),
);

/**
 * Level for a speed on a road class index (position in `ROAD_CLASSES`), without validation.
 * Used by the aggregation loops; `congestionLevelForSpeed` is the checked public form.
 */
export function levelForClassIndex(classIndex: number, speedKmh: number): SegmentLevel {
  const base = classIndex * 4;
  if (speedKmh > SPEED_BAND_EDGES_BY_CLASS_INDEX[base]!) return 1;
  if (speedKmh > SPEED_BAND_EDGES_BY_CLASS_INDEX[base + 1]!) return 2;
  if (speedKmh > SPEED_BAND_EDGES_BY_CLASS_INDEX[base + 2]!) return 3;
  if (speedKmh > SPEED_BAND_EDGES_BY_CLASS_INDEX[base + 3]!) return 4;
  return 5;
}

/**
 * Congestion level of a segment from its speed, by the GB/T 33171-2016 speed bands of its road class.
 *
 * @param roadClass - the segment's road class (secondary and branch share one band set in the standard)
 * @param speedKmh - the segment's current speed, km/h, finite and >= 0
 * @returns 1 畅通, 2 基本畅通, 3 轻度拥堵, 4 中度拥堵 or 5 严重拥堵; an edge value belongs to the slower level
 * @throws RangeError when the speed is negative or not a finite number, or the class is unknown
 */
export function congestionLevelForSpeed(roadClass: RoadClass, speedKmh: number): SegmentLevel {
  const classIndex = ROAD_CLASSES.indexOf(roadClass);
  if (classIndex < 0) throw new RangeError(`unknown road class ${JSON.stringify(roadClass)}`);
  if (!Number.isFinite(speedKmh) || speedKmh < 0) {
    throw new RangeError(`speedKmh must be a finite number >= 0, got ${speedKmh}`);
  }
  return levelForClassIndex(classIndex, speedKmh);
}
