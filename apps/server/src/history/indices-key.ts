import type { AreaIndices, TrafficNow } from '@cbo/contracts';

/** Per-area figures that move on almost every tick: stored per frame as exact Float64 values. */
export const INDEX_VALUE_FIELDS = [
  'tti',
  'tpi',
  'meanSpeedKmh',
  'congestedLengthShare',
  'newestInputAgeMs',
] as const;
type ValueField = (typeof INDEX_VALUE_FIELDS)[number];
const FIELDS = INDEX_VALUE_FIELDS.length;

/**
 * What of a tick's indices is neither derived nor stored per frame: everything but the tick number (the wire
 * sequence number plus a constant within a run), the compute time (the frame's time) and the
 * {@link INDEX_VALUE_FIELDS} (input ages included). While the key stays the same the recorder stores only
 * those values ({@link encodeIndexValues}); replay rebuilds the rest from the last indices stored in full
 * ({@link rebaseIndices}).
 */
export function indicesKey(now: TrafficNow, seq: number, at: number): string {
  const area = (a: AreaIndices) => ({
    ...a,
    tti: 0,
    tpi: 0,
    meanSpeedKmh: 0,
    congestedLengthShare: 0,
    newestInputAgeMs: 0,
  });
  return JSON.stringify([now.tick - seq, now.computedAt - at, area(now.network), now.districts.map(area)]);
}

/** The {@link INDEX_VALUE_FIELDS} of every area (network first) as Float64 bytes; NaN stands for null. */
export function encodeIndexValues(now: TrafficNow): Uint8Array {
  const areas = [now.network, ...now.districts];
  const values = new Float64Array(areas.length * FIELDS);
  areas.forEach((a, i) => {
    INDEX_VALUE_FIELDS.forEach((field, f) => {
      values[i * FIELDS + f] = a[field] ?? Number.NaN;
    });
  });
  return new Uint8Array(values.buffer);
}

function valuesOf(values: Float64Array, i: number): Record<ValueField, number | null> {
  const out = {} as Record<ValueField, number | null>;
  INDEX_VALUE_FIELDS.forEach((field, f) => {
    const v = values[i * FIELDS + f]!;
    out[field] = Number.isNaN(v) ? null : v;
  });
  return out;
}

/**
 * The indices of a tick at (`at`, `seq`) whose key equals that of the stored `base` of (`baseAt`, `baseSeq`),
 * with its per-frame `valueBytes` ({@link encodeIndexValues}); without them the base's values are kept and
 * only the input ages move with time.
 */
export function rebaseIndices(
  base: TrafficNow,
  baseAt: number,
  baseSeq: number,
  at: number,
  seq: number,
  valueBytes: Uint8Array | null,
): TrafficNow {
  const values = valueBytes ? new Float64Array(valueBytes.slice().buffer) : null;
  const area = (a: AreaIndices, i: number): AreaIndices =>
    values
      ? { ...a, ...valuesOf(values, i) }
      : { ...a, newestInputAgeMs: a.newestInputAgeMs === null ? null : a.newestInputAgeMs + (at - baseAt) };
  return {
    ...base,
    computedAt: base.computedAt + (at - baseAt),
    tick: base.tick + (seq - baseSeq),
    network: area(base.network, 0),
    districts: base.districts.map((d, i) => area(d, i + 1)),
  };
}
