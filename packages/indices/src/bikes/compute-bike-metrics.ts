import type {
  BikeCounts,
  BikeDistrictMetrics,
  BikeOperator,
  BikeOperatorMetrics,
  BikeZoneKind,
  BikeZoneStatus,
} from '@cbo/contracts';

/** Every known bike as parallel arrays (slot i = one bike); slots with `present[i] === 0` are empty. */
export interface BikeFleetArrays {
  /** Slots in use (arrays may be longer). */
  count: number;
  present: Uint8Array;
  /** Index in `BIKE_STATES`: 0 parked, 1 in-use, 2 faulty, 3 reserved. */
  state: Uint8Array;
  /** Operator code (index in `operators`). */
  operator: Uint8Array;
  /** District index, -1 outside every district. */
  district: Int16Array;
  /** Zone index of the first zone containing the bike, -1 for none. */
  zone: Int32Array;
  /** 1 when the bike's operator issues permits and the bike has none. */
  noPermit: Uint8Array;
}

/** Input of {@link computeBikeMetrics}. */
export interface BikeMetricsInput {
  fleet: BikeFleetArrays;
  districtIds: readonly string[];
  /** By code. */
  operators: readonly BikeOperator[];
  zones: readonly { id: string; kind: BikeZoneKind; capacity: number | null }[];
  /**
   * Per operator code: bikes on a trip that the feed does not list (plain GBFS hides them); estimated by the
   * caller as the trailing-24-h peak of listed bikes minus those listed now. Counted in operator and network
   * in-use and fleet, not in any district.
   */
  unlistedInUse?: readonly number[];
}

/** Output of {@link computeBikeMetrics}. */
export interface BikeMetrics {
  network: BikeCounts;
  districts: BikeDistrictMetrics[];
  operators: BikeOperatorMetrics[];
  zones: BikeZoneStatus[];
}

/** Parking fence saturation at or above which the fence is `busy`. */
export const ZONE_BUSY_SATURATION = 0.8;
/** Parking fence saturation at or above which the fence is `saturated` (parked >= capacity). */
export const ZONE_SATURATED = 1;

interface Tally {
  parked: number;
  inUse: number;
  faulty: number;
  reserved: number;
  inNoParking: number;
  unpermitted: number;
}
const emptyTally = (): Tally => ({
  parked: 0,
  inUse: 0,
  faulty: 0,
  reserved: 0,
  inNoParking: 0,
  unpermitted: 0,
});

/** Counts of a tally: fleet is the sum of the four states; ride rate 骑行率 = inUse / fleet. */
export function toBikeCounts(t: Tally): BikeCounts {
  const fleet = t.parked + t.inUse + t.faulty + t.reserved;
  return { fleet, ...t, rideRate: fleet === 0 ? null : t.inUse / fleet };
}

/** Zone state from parked bikes: fences by saturation, no-parking zones `violation` with any bike. */
export function zoneStatus(
  zone: { id: string; kind: BikeZoneKind; capacity: number | null },
  parked: number,
): BikeZoneStatus {
  if (zone.kind === 'no-parking')
    return {
      zoneId: zone.id,
      kind: zone.kind,
      parked,
      capacity: null,
      saturation: null,
      state: parked > 0 ? 'violation' : 'ok',
    };
  const saturation = zone.capacity === null || zone.capacity === 0 ? null : parked / zone.capacity;
  const state =
    saturation === null
      ? 'ok'
      : saturation >= ZONE_SATURATED
        ? 'saturated'
        : saturation >= ZONE_BUSY_SATURATION
          ? 'busy'
          : 'ok';
  return { zoneId: zone.id, kind: zone.kind, parked, capacity: zone.capacity, saturation, state };
}

/**
 * Bike metrics per network, district, operator and zone (docs/indices.md section 4): parked, in use, faulty,
 * reserved, fleet, ride rate, bikes parked in no-parking zones, bikes without a permit, fleet against quota,
 * and each zone's parked count, saturation and state. One pass over the fleet arrays.
 */
export function computeBikeMetrics({
  fleet,
  districtIds,
  operators,
  zones,
  unlistedInUse = [],
}: BikeMetricsInput): BikeMetrics {
  const network = emptyTally();
  const byDistrict = districtIds.map(emptyTally);
  const byOperator = operators.map(emptyTally);
  const zoneParked = new Array<number>(zones.length).fill(0);
  const noParkingZone = zones.map((z) => z.kind === 'no-parking');
  for (let i = 0; i < fleet.count; i++) {
    if (fleet.present[i] === 0) continue;
    const state = fleet.state[i]!;
    const zone = fleet.zone[i]!;
    const parkedHere = state !== 1 && zone >= 0;
    const inNoParking = parkedHere && noParkingZone[zone] === true ? 1 : 0;
    if (parkedHere) zoneParked[zone]!++;
    const noPermit = fleet.noPermit[i]!;
    const d = fleet.district[i]!;
    const o = fleet.operator[i]!;
    for (const tally of [network, d >= 0 ? byDistrict[d] : undefined, byOperator[o]]) {
      if (tally === undefined) continue;
      if (state === 0) tally.parked++;
      else if (state === 1) tally.inUse++;
      else if (state === 2) tally.faulty++;
      else tally.reserved++;
      tally.inNoParking += inNoParking;
      tally.unpermitted += noPermit;
    }
  }
  unlistedInUse.forEach((extra, code) => {
    if (extra <= 0 || byOperator[code] === undefined) return;
    byOperator[code].inUse += extra;
    network.inUse += extra;
  });
  return {
    network: toBikeCounts(network),
    districts: byDistrict.map((t, d) => ({ districtId: districtIds[d]!, ...toBikeCounts(t) })),
    operators: byOperator.map((t, code) => {
      const counts = toBikeCounts(t);
      const quota = operators[code]!.quota;
      return {
        operatorId: operators[code]!.id,
        quota,
        fleetOverQuota: quota === null ? null : counts.fleet - quota,
        ...counts,
      };
    }),
    zones: zones.map((z, index) => zoneStatus(z, zoneParked[index]!)),
  };
}
