import type { BikeFeedProblem, BikeZone, GbfsFile, GbfsIngestResult } from '@cbo/contracts';
import type { BikeState } from './bike-service';
import { recordListed, recordProblems, type BikeFeedRecord } from './bike-feed-record';
import {
  gbfsText,
  gbfsTimeMs,
  ProblemCollector,
  readNoParkingZones,
  readStationInformation,
  readStationStatus,
  readVehicles,
  type GbfsDocument,
} from './gbfs-normalise';
import { validateGbfsDocument } from './gbfs-validator';

/** Largest operator code of the wire's operator byte. */
const MAX_OPERATORS = 256;
let round = 0;

function operatorCodeFor(state: BikeState, record: BikeFeedRecord, name: string): number {
  if (record.operatorCode !== null) return record.operatorCode;
  const id = record.systemId ?? record.feedId;
  const existing =
    state.operators.find((o) => o.id === id) ?? state.operators.find((o) => o.id === record.feedId);
  if (existing) return (record.operatorCode = existing.code);
  const code = Math.min(state.operators.length, MAX_OPERATORS - 1);
  if (state.operators.length < MAX_OPERATORS) {
    state.operators.push({
      id,
      nameZh: name,
      nameEn: name,
      dockless: true,
      quota: null,
      permitsIssued: false,
      unitId: null,
      code,
    });
    state.permitsIssued.push(false);
  }
  return (record.operatorCode = code);
}

const rejected = (
  feedId: string,
  file: GbfsFile,
  errors: GbfsIngestResult['errors'],
  problems: BikeFeedProblem[],
): GbfsIngestResult => ({ feedId, file, accepted: false, records: 0, errors, problems });

/** Replaces the zones of one feed (no-parking or parking), keeping ids already held by the fixture or others. */
function replaceFeedZones(
  state: BikeState,
  feedId: string,
  kind: BikeZone['kind'],
  zones: BikeZone[],
  setZones: (z: BikeZone[]) => void,
): void {
  const kept = state.zones.filter((z) => z.feedId !== feedId || z.kind !== kind);
  const ids = new Set(kept.map((z) => z.id));
  setZones([...kept, ...zones.filter((z) => !ids.has(z.id))]);
}

/**
 * Validates one GBFS document and applies it to the bike state: a rejected document (schema or version error,
 * with the JSON path) changes nothing but marks the feed stale; an older `last_updated` than the one held is
 * reported (`out-of-order`) and skipped; the same `last_updated` again is a no-op.
 */
export function applyGbfsDocument(
  state: BikeState,
  record: BikeFeedRecord,
  file: GbfsFile,
  document: unknown,
  receivedAt: number,
  setZones: (zones: BikeZone[]) => void,
): GbfsIngestResult {
  const { feedId } = record;
  const validation = validateGbfsDocument(document, file, record.version);
  if (!validation.ok) {
    record.documentsRejected++;
    record.rejectedFiles.add(file);
    const first = validation.errors[0]!;
    const problem: BikeFeedProblem = {
      at: receivedAt,
      file,
      kind: validation.kind,
      path: first.path,
      message: `${file} rejected: ${first.path} ${first.message}`,
    };
    recordProblems(record, [problem]);
    return rejected(feedId, file, validation.errors, [problem]);
  }
  const doc = document as GbfsDocument;
  const problems = new ProblemCollector(file, receivedAt);
  const lastUpdatedAt = gbfsTimeMs(doc.last_updated);
  const prior = record.files.get(file);
  if (prior && lastUpdatedAt <= prior.lastUpdatedAt) {
    record.rejectedFiles.delete(file);
    if (lastUpdatedAt < prior.lastUpdatedAt)
      problems.add('out-of-order', '/last_updated', `${file} older than the one held`);
    const list = problems.list();
    recordProblems(record, list);
    return { feedId, file, accepted: true, records: 0, errors: [], problems: list };
  }
  record.version ??= validation.version;
  if (validation.declaredVersion !== validation.version)
    problems.add('version', '/version', `GBFS ${validation.declaredVersion} read as ${validation.version}`);
  const prefix = `${feedId}:`;
  let records: number;
  switch (file) {
    case 'system_information': {
      record.systemId = String(doc.data['system_id']);
      record.operatorCode = null;
      operatorCodeFor(state, record, gbfsText(doc.data['name']));
      records = 1;
      break;
    }
    case 'station_information': {
      const code = operatorCodeFor(state, record, feedId);
      const operatorId = state.operators[code]!.id;
      const stations = readStationInformation(doc, problems);
      for (const id of [...state.stations.keys()]) if (id.startsWith(prefix)) state.stations.delete(id);
      const fences: BikeZone[] = [];
      for (const s of stations) {
        const id = prefix + s.stationId;
        state.stations.set(id, {
          id,
          feedId,
          operatorId,
          name: s.name,
          position: s.position,
          capacity: s.capacity,
          isVirtual: s.isVirtual,
          districtId: state.city.locateDistrict(s.position),
        });
        if (s.area !== null && s.capacity !== null)
          fences.push({
            id,
            kind: 'parking',
            nameZh: s.name,
            nameEn: s.name,
            capacity: s.capacity,
            districtId: state.city.locateDistrict(s.position),
            polygons: s.area,
            feedId,
          });
      }
      replaceFeedZones(state, feedId, 'parking', fences, setZones);
      record.stations = records = stations.length;
      break;
    }
    case 'station_status': {
      const known = new Map<string, { capacity: number | null }>();
      for (const [id, s] of state.stations) if (id.startsWith(prefix)) known.set(id.slice(prefix.length), s);
      const statuses = readStationStatus(doc, validation.version, known, problems);
      for (const s of statuses)
        state.readings.set(prefix + s.stationId, { ...s, stationId: prefix + s.stationId });
      records = statuses.length;
      break;
    }
    case 'free_bike_status':
    case 'vehicle_status': {
      const code = operatorCodeFor(state, record, feedId);
      const permits = state.permitsIssued[code] === true;
      const vehicles = readVehicles(
        doc,
        validation.version,
        (sid) => state.stations.get(prefix + sid)?.position,
        problems,
      );
      const thisRound = ++round;
      let inUse = 0;
      for (let i = 0; i < vehicles.ids.length; i++) {
        const s = vehicles.state[i]!;
        if (s === 1) inUse++;
        state.fleet.upsert(
          `${prefix}${vehicles.ids[i]!}`,
          {
            lngE6: vehicles.lngE6[i]!,
            latE6: vehicles.latE6[i]!,
            state: s,
            operator: code,
            noPermit: permits && vehicles.permitIds[i] === null,
            feed: record.index,
          },
          thisRound,
        );
      }
      state.fleet.removeUnlisted(record.index, thisRound);
      record.reportsInUse = vehicles.reportsInUse;
      record.listed = vehicles.ids.length - inUse;
      record.listedInUse = inUse;
      recordListed(record, receivedAt, record.listed);
      records = vehicles.ids.length;
      break;
    }
    case 'geofencing_zones': {
      const zones = readNoParkingZones(doc, validation.version, feedId);
      replaceFeedZones(state, feedId, 'no-parking', zones, setZones);
      records = zones.length;
      break;
    }
    default:
      records = 1;
  }
  record.files.set(file, { lastUpdatedAt, ttlS: doc.ttl, receivedAt });
  record.lastReceivedAt = receivedAt;
  record.rejectedFiles.delete(file);
  record.documentsAccepted++;
  const list = problems.list();
  recordProblems(record, list);
  return { feedId, file, accepted: true, records, errors: [], problems: list };
}
