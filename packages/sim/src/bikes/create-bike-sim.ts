import type { BikeCityFixture, BikeFixtureOperator, BikeFixtureStation } from '@cbo/city';
import type { LngLat } from '@cbo/contracts';
import { uniform4 } from '../hash';
import { localTime } from '../local-time';
import { isRebalancing, leisureShare, officeShare, stationFillShare } from './bike-tide';

/** Options of {@link createBikeSim}. */
export interface BikeSimOptions {
  fixture: BikeCityFixture;
  /** Dockless bikes over all operators. */
  fleetSize: number;
  seed: number;
  /** City time zone offset east of UTC, minutes (Hangzhou: 480). */
  utcOffsetMinutes: number;
}

/** Every simulated dockless bike at one instant, structure of arrays. */
export interface BikeSimVehicles {
  at: number;
  /** Per bike: index in `BIKE_STATES` (0 parked, 1 in-use, 2 faulty, 3 reserved). */
  state: Uint8Array;
  lng: Float64Array;
  lat: Float64Array;
}

/** A docked station's simulated status. */
export interface BikeSimStationStatus {
  stationId: string;
  bikesAvailable: number;
  bikesDisabled: number;
  docksAvailable: number;
}

/** The bike simulator: static fleet facts plus pure functions of time. */
export interface BikeSim {
  /** Dockless operators, in the order of `operatorOf` values. */
  readonly operators: readonly BikeFixtureOperator[];
  readonly stations: readonly BikeFixtureStation[];
  readonly bikeIds: readonly string[];
  /** Per bike: index in {@link BikeSim.operators}. */
  readonly operatorOf: Uint8Array;
  /** Per bike: permit id, or null for a bike deployed without one. */
  readonly permitIds: readonly (string | null)[];
  vehiclesAt(at: number): BikeSimVehicles;
  stationStatusAt(at: number): BikeSimStationStatus[];
}

const M_PER_DEG_LAT = 110_574;
const TRIP_MIN = 20;
const NO_PARKING_SHARE = 0.006;
const FAULTY_SHARE = 0.03;
const RESERVED_SHARE = 0.004;
/** Share of bikes whose workplace is inside an office parking fence (the rest park near office stations). */
const FENCE_SHARE = 0.12;

function jitter(at: LngLat, metres: number, u1: number, u2: number): LngLat {
  const angle = u1 * 2 * Math.PI;
  const r = Math.sqrt(u2) * metres;
  const dLat = (r * Math.sin(angle)) / M_PER_DEG_LAT;
  const dLng = (r * Math.cos(angle)) / (M_PER_DEG_LAT * Math.cos((at[1] * Math.PI) / 180));
  return [at[0] + dLng, at[1] + dLat];
}

function ringBox(ring: readonly LngLat[]): [number, number, number, number] {
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

/**
 * A seeded, deterministic Hangzhou bike simulator: docked public-bike stations and the fixture's dockless
 * operators. Every bike has a home (near a residential station) and a workplace (inside an office parking
 * fence or near an office station); `vehiclesAt(t)` is a pure function of the seed and `t`, so any instant can
 * be computed without replaying the day. A share of bikes has no permit; a share of parked bikes is left in
 * no-parking zones; 3% are faulty each day.
 * @throws RangeError when the fixture has no dockless operator, no residential or no office area
 */
export function createBikeSim({ fixture, fleetSize, seed, utcOffsetMinutes }: BikeSimOptions): BikeSim {
  const operators = fixture.operators.filter((o) => o.dockless && o.fleetShare > 0);
  const homes = fixture.stations.filter((s) => s.use !== 'office');
  const offices = fixture.stations.filter((s) => s.use === 'office');
  const fences = fixture.zones.filter((z) => z.kind === 'parking' && z.use === 'office');
  const noParking = fixture.zones.filter((z) => z.kind === 'no-parking');
  if (operators.length === 0 || homes.length === 0 || offices.length === 0)
    throw new RangeError('bike sim needs a dockless operator, a residential and an office station');
  const noParkingBoxes = noParking.map((z) => ringBox(z.polygons[0]![0]!));
  const fenceBoxes = fences.map((z) => ringBox(z.polygons[0]![0]!));
  const shareTotal = operators.reduce((sum, o) => sum + o.fleetShare, 0);

  const operatorOf = new Uint8Array(fleetSize);
  const home = new Float64Array(fleetSize * 2);
  const work = new Float64Array(fleetSize * 2);
  const threshold = new Float64Array(fleetSize);
  const bikeIds: string[] = [];
  const permitIds: (string | null)[] = [];
  const serial = new Array<number>(operators.length).fill(0);
  for (let i = 0; i < fleetSize; i++) {
    let pick = uniform4(seed, 1, i) * shareTotal;
    let op = 0;
    while (op < operators.length - 1 && pick >= operators[op]!.fleetShare)
      pick -= operators[op++]!.fleetShare;
    operatorOf[i] = op;
    const operator = operators[op]!;
    const n = ++serial[op]!;
    bikeIds.push(`${operator.id}-${String(n).padStart(6, '0')}`);
    const unpermitted = !operator.permitsIssued || uniform4(seed, 2, i) < operator.unpermittedShare;
    permitIds.push(unpermitted ? null : `${operator.permitPrefix}${String(n).padStart(6, '0')}`);
    const h = homes[Math.floor(uniform4(seed, 3, i) * homes.length)]!;
    const [hLng, hLat] = jitter(h.position, 300, uniform4(seed, 4, i), uniform4(seed, 5, i));
    home[i * 2] = hLng;
    home[i * 2 + 1] = hLat;
    let w: LngLat;
    if (fences.length > 0 && uniform4(seed, 6, i) < FENCE_SHARE) {
      const [west, south, east, north] = fenceBoxes[Math.floor(uniform4(seed, 7, i) * fences.length)]!;
      w = [west + (east - west) * uniform4(seed, 8, i), south + (north - south) * uniform4(seed, 9, i)];
    } else {
      const o = offices[Math.floor(uniform4(seed, 7, i) * offices.length)]!;
      w = jitter(o.position, 350, uniform4(seed, 8, i), uniform4(seed, 9, i));
    }
    work[i * 2] = w[0];
    work[i * 2 + 1] = w[1];
    threshold[i] = uniform4(seed, 10, i);
  }

  function vehiclesAt(at: number): BikeSimVehicles {
    const { day, minuteOfDay, weekend } = localTime(at, utcOffsetMinutes);
    const p = officeShare(minuteOfDay, weekend);
    const before = officeShare(minuteOfDay - TRIP_MIN, weekend);
    const ridden = !isRebalancing(minuteOfDay);
    const leisure = leisureShare(minuteOfDay, weekend);
    const slot = Math.floor(minuteOfDay / 10);
    const slotProgress = (minuteOfDay % 10) / 10;
    const state = new Uint8Array(fleetSize);
    const lng = new Float64Array(fleetSize);
    const lat = new Float64Array(fleetSize);
    for (let i = 0; i < fleetSize; i++) {
      const u = threshold[i]!;
      const atWork = u < p;
      let x = atWork ? work[i * 2]! : home[i * 2]!;
      let y = atWork ? work[i * 2 + 1]! : home[i * 2 + 1]!;
      if (uniform4(seed, 11, i, day) < FAULTY_SHARE) {
        state[i] = 2;
        lng[i] = home[i * 2]!;
        lat[i] = home[i * 2 + 1]!;
        continue;
      }
      const commuting = ridden && p !== before && u >= Math.min(p, before) && u < Math.max(p, before);
      if (commuting) {
        const progress = Math.min(1, Math.abs(p - u) / Math.abs(p - before));
        const fromWork = p < before;
        const [ax, ay, bx, by] = fromWork
          ? [work[i * 2]!, work[i * 2 + 1]!, home[i * 2]!, home[i * 2 + 1]!]
          : [home[i * 2]!, home[i * 2 + 1]!, work[i * 2]!, work[i * 2 + 1]!];
        const t = 1 - progress;
        state[i] = 1;
        lng[i] = ax + (bx - ax) * t;
        lat[i] = ay + (by - ay) * t;
        continue;
      }
      if (uniform4(seed, 12, i, day * 200 + slot) < leisure) {
        const [ex, ey] = jitter([x, y], 1500, uniform4(seed, 13, i, slot), 1);
        state[i] = 1;
        lng[i] = x + (ex - x) * slotProgress;
        lat[i] = y + (ey - y) * slotProgress;
        continue;
      }
      const side = atWork ? 1 : 0;
      if (noParking.length > 0 && uniform4(seed, 14, i, day * 2 + side) < NO_PARKING_SHARE) {
        const [west, south, east, north] =
          noParkingBoxes[Math.floor(uniform4(seed, 15, i) * noParking.length)]!;
        x = west + (east - west) * (0.1 + 0.8 * uniform4(seed, 16, i, day));
        y = south + (north - south) * (0.1 + 0.8 * uniform4(seed, 17, i, day));
      }
      state[i] = uniform4(seed, 18, i, day * 200 + slot) < RESERVED_SHARE ? 3 : 0;
      lng[i] = x;
      lat[i] = y;
    }
    return { at, state, lng, lat };
  }

  function stationStatusAt(at: number): BikeSimStationStatus[] {
    const { day, minuteOfDay, weekend } = localTime(at, utcOffsetMinutes);
    const slot = Math.floor(minuteOfDay / 10);
    return fixture.stations.map((station, s) => {
      const amplitude = 0.75 + 0.6 * uniform4(seed, 20, s);
      const fill = 0.5 + (stationFillShare(station.use, minuteOfDay, weekend) - 0.5) * amplitude;
      const noise = Math.round((uniform4(seed, 21, s, day * 200 + slot) - 0.5) * 4);
      const disabled = uniform4(seed, 22, s, day) < 0.2 ? 1 : 0;
      const usable = station.capacity - disabled;
      const bikes = Math.max(0, Math.min(usable, Math.round(usable * fill) + noise));
      return {
        stationId: station.id,
        bikesAvailable: bikes,
        bikesDisabled: disabled,
        docksAvailable: usable - bikes,
      };
    });
  }

  return {
    operators,
    stations: fixture.stations,
    bikeIds,
    operatorOf,
    permitIds,
    vehiclesAt,
    stationStatusAt,
  };
}
