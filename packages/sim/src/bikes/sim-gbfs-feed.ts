import type { BikeCityFixture } from '@cbo/city';
import type { GbfsFile } from '@cbo/contracts';
import type { BikeSim } from './create-bike-sim';

/** System id of the docked public-bike system in the simulated feed. */
export const SIM_PUBLIC_SYSTEM_ID = 'hz-public-bike';
/** `ttl` the simulated feed announces, s (vehicles report every 30 s). */
export const SIM_GBFS_TTL_S = 30;

const DOCKLESS_FILES: readonly GbfsFile[] = [
  'system_information',
  'vehicle_types',
  'vehicle_status',
  'geofencing_zones',
];
const DOCKED_FILES: readonly GbfsFile[] = ['system_information', 'station_information', 'station_status'];

/** RFC 3339 (GBFS 3.0) time of an epoch-ms instant, whole seconds, UTC. */
export function rfc3339(at: number): string {
  return `${new Date(Math.floor(at / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** Systems of the simulated feed: the public-bike system, then one per dockless operator. */
export function simGbfsSystems(sim: BikeSim): string[] {
  return [SIM_PUBLIC_SYSTEM_ID, ...sim.operators.map((o) => o.id)];
}

/** Files a system of the simulated feed publishes besides `gbfs`. */
export function simGbfsFiles(sim: BikeSim, systemId: string): readonly GbfsFile[] {
  if (systemId === SIM_PUBLIC_SYSTEM_ID) return DOCKED_FILES;
  return sim.operators.some((o) => o.id === systemId) ? DOCKLESS_FILES : [];
}

const zh = (text: string): { text: string; language: string }[] => [{ text, language: 'zh' }];

/** Options of {@link buildSimGbfsDocument}. */
export interface SimGbfsRequest {
  systemId: string;
  file: GbfsFile;
  at: number;
  /** URL prefix of the system's files, e.g. `http://host/gbfs/sim/yunqi/`; `gbfs.json` links `${base}${file}.json`. */
  baseUrl: string;
}

/**
 * One GBFS 3.0 document of the simulated feed at `at`, or null for a system or file it does not publish.
 * Dockless vehicles carry two extension fields of the city's regulator profile (docs/bikes.md):
 * `_cbo_permit_id` (string or null) and `_cbo_in_use` (true for a bike on a trip, listed with its position).
 */
export function buildSimGbfsDocument(
  sim: BikeSim,
  fixture: BikeCityFixture,
  { systemId, file, at, baseUrl }: SimGbfsRequest,
): object | null {
  const files = simGbfsFiles(sim, systemId);
  if (file !== 'gbfs' && !files.includes(file)) return null;
  if (files.length === 0) return null;
  const envelope = (data: object): object => ({
    last_updated: rfc3339(at),
    ttl: SIM_GBFS_TTL_S,
    version: '3.0',
    data,
  });
  const operator = fixture.operators.find((o) => o.id === systemId);
  switch (file) {
    case 'gbfs':
      return envelope({ feeds: files.map((name) => ({ name, url: `${baseUrl}${name}.json` })) });
    case 'system_information':
      return envelope({
        system_id: systemId,
        languages: ['zh'],
        name: zh(operator?.nameZh ?? systemId),
        operator: zh(operator?.nameZh ?? systemId),
        opening_hours: 'Mo-Su 00:00-24:00',
        feed_contact_email: 'bikes@example.invalid',
        timezone: 'Asia/Shanghai',
      });
    case 'station_information':
      return envelope({
        stations: sim.stations.map((s) => ({
          station_id: s.id,
          name: zh(s.nameZh),
          lat: s.position[1],
          lon: s.position[0],
          capacity: s.capacity,
        })),
      });
    case 'station_status':
      return envelope({
        stations: sim.stationStatusAt(at).map((s) => ({
          station_id: s.stationId,
          num_vehicles_available: s.bikesAvailable,
          num_vehicles_disabled: s.bikesDisabled,
          num_docks_available: s.docksAvailable,
          is_installed: true,
          is_renting: true,
          is_returning: true,
          last_reported: rfc3339(at),
        })),
      });
    case 'vehicle_types':
      return envelope({
        vehicle_types: [
          { vehicle_type_id: 'bike', form_factor: 'bicycle', propulsion_type: 'human', name: zh('自行车') },
        ],
      });
    case 'geofencing_zones':
      return envelope({
        geofencing_zones: {
          type: 'FeatureCollection',
          features: fixture.zones
            .filter((z) => z.kind === 'no-parking')
            .map((z) => ({
              type: 'Feature',
              properties: {
                name: zh(z.nameZh),
                rules: [{ ride_start_allowed: false, ride_end_allowed: false, ride_through_allowed: true }],
                _cbo_zone_id: z.id,
              },
              geometry: { type: 'MultiPolygon', coordinates: z.polygons },
            })),
        },
        global_rules: [{ ride_start_allowed: true, ride_end_allowed: true, ride_through_allowed: true }],
      });
    case 'vehicle_status': {
      const opIndex = sim.operators.findIndex((o) => o.id === systemId);
      const now = sim.vehiclesAt(at);
      const reported = rfc3339(at);
      const vehicles: object[] = [];
      for (let i = 0; i < sim.bikeIds.length; i++) {
        if (sim.operatorOf[i] !== opIndex) continue;
        const state = now.state[i]!;
        vehicles.push({
          vehicle_id: sim.bikeIds[i],
          lat: Math.round(now.lat[i]! * 1e6) / 1e6,
          lon: Math.round(now.lng[i]! * 1e6) / 1e6,
          is_reserved: state === 3,
          is_disabled: state === 2,
          vehicle_type_id: 'bike',
          last_reported: reported,
          _cbo_permit_id: sim.permitIds[i],
          _cbo_in_use: state === 1,
        });
      }
      return envelope({ vehicles });
    }
    default:
      return null;
  }
}
