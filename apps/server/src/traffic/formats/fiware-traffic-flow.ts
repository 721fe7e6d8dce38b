import type { City } from '@cbo/city';
import { MAX_PLAUSIBLE_SPEED_KMH, type RejectedItem } from '@cbo/contracts';
import { matchGeometry, parseZonedTime } from './segment-mapping';

/** A reading mapped from an external format, with its index in the posted batch. */
export interface MappedReading {
  index: number;
  segmentId: string;
  observedAt: number;
  speedKmh: number;
  flowVph?: number;
}

/** What a format parser returns: the mapped readings and the items it could not map, with reasons. */
export interface MappedBatch {
  readings: MappedReading[];
  rejected: RejectedItem[];
}

const ROAD_SEGMENT_URN = /^urn:ngsi-ld:RoadSegment:/;

/**
 * The plain value of an attribute in any of the three representations: key-values (the value itself),
 * normalized NGSI-v2 (`{ type, value }`) or NGSI-LD (`{ type: 'Property' | 'GeoProperty', value }`,
 * `{ type: 'Relationship', object }`, and `{ '@type', '@value' }` typed literals).
 */
export function attributeValue(entity: Record<string, unknown>, name: string): unknown {
  let value = entity[name];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const attr = value as Record<string, unknown>;
    if (attr['type'] === 'Relationship' && 'object' in attr) value = attr['object'];
    else if ('value' in attr && typeof attr['type'] === 'string' && !('coordinates' in attr))
      value = attr['value'];
  }
  if (value !== null && typeof value === 'object' && '@value' in (value as Record<string, unknown>)) {
    value = (value as Record<string, unknown>)['@value'];
  }
  return value;
}

function entityType(entity: Record<string, unknown>): string {
  const type = entity['type'];
  return typeof type === 'string' ? type.replace(/^.*[#/]/, '') : '';
}

/** The interval `[from, to]` of the observation, ms; `to` is the observation time. */
function observationInterval(
  entity: Record<string, unknown>,
): { from: number | null; to: number } | { reason: string } {
  const fromText = attributeValue(entity, 'dateObservedFrom');
  const toText = attributeValue(entity, 'dateObservedTo');
  const observed = attributeValue(entity, 'dateObserved');
  let from = fromText === undefined ? null : parseZonedTime(fromText);
  let to = toText === undefined ? null : parseZonedTime(toText);
  if (fromText !== undefined && from === null)
    return { reason: `dateObservedFrom: '${String(fromText)}' is not a date-time with a UTC offset` };
  if (toText !== undefined && to === null)
    return { reason: `dateObservedTo: '${String(toText)}' is not a date-time with a UTC offset` };
  if (to === null && typeof observed === 'string') {
    const [start, end] = observed.split('/');
    to = parseZonedTime(end ?? start);
    if (end !== undefined && from === null) from = parseZonedTime(start);
    if (to === null)
      return { reason: `dateObserved: '${observed}' has no UTC offset and there is no dateObservedTo` };
  }
  if (to === null) return { reason: 'dateObserved missing (and no dateObservedTo)' };
  if (from !== null && from > to) return { reason: 'dateObservedFrom is after dateObservedTo' };
  return { from, to };
}

function mapEntity(city: City, entity: Record<string, unknown>, index: number): MappedReading | RejectedItem {
  if (entityType(entity) !== 'TrafficFlowObserved') {
    return { index, reason: `type: expected TrafficFlowObserved, got '${String(entity['type'])}'` };
  }
  const speed = attributeValue(entity, 'averageVehicleSpeed');
  if (typeof speed !== 'number' || !(speed >= 0) || speed > MAX_PLAUSIBLE_SPEED_KMH) {
    return {
      index,
      reason: `averageVehicleSpeed: must be a number of km/h in 0-${MAX_PLAUSIBLE_SPEED_KMH}, got ${JSON.stringify(speed)}`,
    };
  }
  const interval = observationInterval(entity);
  if ('reason' in interval) return { index, reason: interval.reason };
  let segmentIndex: number;
  const ref = attributeValue(entity, 'refRoadSegment');
  if (ref !== undefined) {
    const refs = Array.isArray(ref) ? ref : [ref];
    if (refs.length !== 1 || typeof refs[0] !== 'string') {
      return { index, reason: 'refRoadSegment: must name exactly one road segment' };
    }
    const id = refs[0].replace(ROAD_SEGMENT_URN, '');
    const found = city.segmentIndexById.get(id);
    if (found === undefined)
      return { index, reason: `refRoadSegment: '${refs[0]}' is not a segment of this city` };
    segmentIndex = found;
  } else {
    const location = attributeValue(entity, 'location');
    if (location === undefined)
      return { index, reason: 'neither refRoadSegment nor location to map to a segment' };
    const match = matchGeometry(city, location, 'location');
    if ('reason' in match) return { index, reason: match.reason };
    segmentIndex = match.index;
  }
  const reading: MappedReading = {
    index,
    segmentId: city.segments[segmentIndex]!.id,
    observedAt: interval.to,
    speedKmh: speed,
  };
  const intensity = attributeValue(entity, 'intensity');
  const lane = attributeValue(entity, 'laneId');
  if (
    typeof intensity === 'number' &&
    intensity >= 0 &&
    interval.from !== null &&
    interval.to > interval.from &&
    lane === undefined
  ) {
    reading.flowVph = Math.round((intensity * 3_600_000) / (interval.to - interval.from));
  }
  return reading;
}

/**
 * Maps FIWARE `TrafficFlowObserved` entities (key-values, normalized NGSI-v2 or NGSI-LD; an entity, an
 * array, or an NGSI-v2 notification `{ data: [...] }`) to segment readings: the segment from
 * `refRoadSegment` (an id of this city, or its `urn:ngsi-ld:RoadSegment:` URN), else from `location`;
 * speed from `averageVehicleSpeed` (km/h); time = end of the observation interval; flow from `intensity`
 * over the interval when the entity is not a single lane. Anything else is rejected with its reason.
 */
export function mapTrafficFlowObserved(city: City, body: unknown): MappedBatch {
  const items = Array.isArray(body)
    ? body
    : body !== null && typeof body === 'object' && Array.isArray((body as { data?: unknown }).data)
      ? (body as { data: unknown[] }).data
      : [body];
  const batch: MappedBatch = { readings: [], rejected: [] };
  items.forEach((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      batch.rejected.push({ index, reason: 'entity: must be a JSON object' });
      return;
    }
    const mapped = mapEntity(city, item as Record<string, unknown>, index);
    if ('reason' in mapped) batch.rejected.push(mapped);
    else batch.readings.push(mapped);
  });
  return batch;
}
