import type { City } from '@cbo/city';
import { SPEED_SCALE, SPEED_UNKNOWN } from '@cbo/contracts';
import { congestionLevelForSpeed } from '@cbo/indices';

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line from fields (RFC 4180 quoting). */
export function csvLine(fields: readonly (string | number | null)[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/**
 * The map of a replay position as CSV: one line per segment with its recorded speed (km/h, empty when no
 * fresh reading) and GB/T 33171 level (0 unknown).
 */
export function segmentsCsv(city: City, speeds: Uint16Array, at: number): string {
  let out = csvLine(['at', 'segment_id', 'name_en', 'name_zh', 'road_class', 'speed_kmh', 'level']);
  const iso = new Date(at).toISOString();
  for (const segment of city.segments) {
    const q = speeds[segment.index] ?? SPEED_UNKNOWN;
    const speedKmh = q === SPEED_UNKNOWN ? null : q / SPEED_SCALE;
    const { roadClass } = segment;
    const level = speedKmh === null ? 0 : congestionLevelForSpeed(roadClass, speedKmh);
    out += csvLine([iso, segment.id, segment.nameEn, segment.nameZh, roadClass, speedKmh, level]);
  }
  return out;
}
