import type { City } from '@cbo/city';
import { MAX_PLAUSIBLE_SPEED_KMH } from '@cbo/contracts';
import type { MappedBatch, MappedReading } from './fiware-traffic-flow';
import { matchGeometry, parseZonedTime } from './segment-mapping';

/** Readings whose TomTom `confidence` is below this are rejected (TomTom: below 0.5 is mostly historical). */
export const MIN_TOMTOM_CONFIDENCE = 0.5;

function mapOne(
  city: City,
  item: unknown,
  index: number,
  receivedAt: number,
): MappedReading | { index: number; reason: string } {
  const wrapper = item as { flowSegmentData?: unknown; observedAt?: unknown } | null;
  const data = wrapper && typeof wrapper === 'object' ? wrapper.flowSegmentData : undefined;
  if (data === null || typeof data !== 'object') return { index, reason: 'flowSegmentData missing' };
  const flow = data as Record<string, unknown>;
  const speed = flow['currentSpeed'];
  if (typeof speed !== 'number' || !(speed >= 0) || speed > MAX_PLAUSIBLE_SPEED_KMH) {
    return {
      index,
      reason: `flowSegmentData.currentSpeed: must be km/h in 0-${MAX_PLAUSIBLE_SPEED_KMH}, got ${JSON.stringify(speed)}`,
    };
  }
  if (flow['roadClosure'] === true)
    return { index, reason: 'flowSegmentData.roadClosure: a closed road has no speed reading' };
  const confidence = flow['confidence'];
  if (typeof confidence === 'number' && confidence < MIN_TOMTOM_CONFIDENCE) {
    return { index, reason: `flowSegmentData.confidence: ${confidence} is below ${MIN_TOMTOM_CONFIDENCE}` };
  }
  const list = (flow['coordinates'] as { coordinate?: unknown } | undefined)?.coordinate;
  if (!Array.isArray(list) || list.length < 2) {
    return {
      index,
      reason: 'flowSegmentData.coordinates.coordinate: needs at least two {latitude, longitude}',
    };
  }
  const coordinates: [number, number][] = [];
  for (const point of list as { latitude?: unknown; longitude?: unknown }[]) {
    if (typeof point?.latitude !== 'number' || typeof point.longitude !== 'number') {
      return {
        index,
        reason: 'flowSegmentData.coordinates.coordinate: every point needs numeric latitude and longitude',
      };
    }
    coordinates.push([point.longitude, point.latitude]);
  }
  const match = matchGeometry(city, { type: 'LineString', coordinates }, 'flowSegmentData.coordinates');
  if ('reason' in match) return { index, reason: match.reason };
  let observedAt = receivedAt;
  if (wrapper?.observedAt !== undefined) {
    const at =
      typeof wrapper.observedAt === 'number' ? wrapper.observedAt : parseZonedTime(wrapper.observedAt);
    if (at === null || !(at > 0))
      return { index, reason: 'observedAt: must be epoch ms or a date-time with a UTC offset' };
    observedAt = at;
  }
  return { index, segmentId: city.segments[match.index]!.id, observedAt, speedKmh: speed };
}

/**
 * Maps TomTom Traffic Flow `flowSegmentData` answers (one, or an array of them) to segment readings: the
 * segment nearest the midpoint of `coordinates.coordinate` within 50 m, speed `currentSpeed` (km/h, TomTom's
 * default unit). TomTom's answer describes the present and carries no time: the reading is stamped with
 * `receivedAt` unless the item carries an `observedAt` beside `flowSegmentData`.
 */
export function mapTomTomFlow(city: City, body: unknown, receivedAt: number): MappedBatch {
  const items = Array.isArray(body) ? body : [body];
  const batch: MappedBatch = { readings: [], rejected: [] };
  items.forEach((item, index) => {
    const mapped = mapOne(city, item, index, receivedAt);
    if ('reason' in mapped) batch.rejected.push(mapped);
    else batch.readings.push(mapped);
  });
  return batch;
}
