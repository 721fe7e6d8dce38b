import type { BikeOperator } from '@cbo/contracts';
import { describe, expect, it } from 'vitest';
import { computeBikeMetrics, zoneStatus, type BikeFleetArrays } from './compute-bike-metrics';

const operator = (id: string, code: number, quota: number | null): BikeOperator => ({
  id,
  nameZh: id,
  nameEn: id,
  dockless: true,
  quota,
  permitsIssued: true,
  unitId: null,
  code,
});
const OPERATORS = [operator('a', 0, 3), operator('b', 1, null)];
const ZONES = [
  { id: 'fence', kind: 'parking' as const, capacity: 2 },
  { id: 'nopark', kind: 'no-parking' as const, capacity: null },
];

/** Bikes as [state, operator, district, zone, noPermit]; a sixth value 0 marks an empty slot. */
function fleet(rows: number[][]): BikeFleetArrays {
  return {
    count: rows.length,
    present: Uint8Array.from(rows.map((r) => r[5] ?? 1)),
    state: Uint8Array.from(rows.map((r) => r[0]!)),
    operator: Uint8Array.from(rows.map((r) => r[1]!)),
    district: Int16Array.from(rows.map((r) => r[2]!)),
    zone: Int32Array.from(rows.map((r) => r[3]!)),
    noPermit: Uint8Array.from(rows.map((r) => r[4]!)),
  };
}

const run = (rows: number[][], unlistedInUse?: number[]) =>
  computeBikeMetrics({
    fleet: fleet(rows),
    districtIds: ['d0', 'd1'],
    operators: OPERATORS,
    zones: ZONES,
    ...(unlistedInUse ? { unlistedInUse } : {}),
  });

describe('computeBikeMetrics', () => {
  it('counts states and the ride rate of the network', () => {
    const m = run([
      [0, 0, 0, -1, 0],
      [1, 0, 0, -1, 0],
      [2, 1, 1, -1, 0],
      [3, 1, 1, -1, 0],
    ]);
    expect(m.network).toEqual({
      fleet: 4,
      parked: 1,
      inUse: 1,
      faulty: 1,
      reserved: 1,
      rideRate: 0.25,
      inNoParking: 0,
      unpermitted: 0,
    });
  });

  it('has a null ride rate for an empty fleet', () => {
    expect(run([]).network.rideRate).toBeNull();
  });

  it('skips empty slots', () => {
    expect(run([[0, 0, 0, -1, 0, 0]]).network.fleet).toBe(0);
  });

  it('counts a parked bike in a no-parking zone, not one riding through it', () => {
    const m = run([
      [0, 0, 0, 1, 0],
      [1, 0, 0, 1, 0],
    ]);
    expect(m.network.inNoParking).toBe(1);
    expect(m.zones[1]).toMatchObject({ parked: 1, state: 'violation' });
  });

  it('puts fleet over quota per operator and null without a quota', () => {
    const m = run([
      [0, 0, 0, -1, 1],
      [0, 0, 0, -1, 0],
      [0, 0, 1, -1, 0],
      [0, 0, 1, -1, 0],
      [0, 1, 1, -1, 0],
    ]);
    expect(m.operators.map((o) => o.fleetOverQuota)).toEqual([1, null]);
    expect(m.operators[0]!.unpermitted).toBe(1);
  });

  it('adds unlisted trips to the operator and network, not to districts', () => {
    const m = run([[0, 0, 0, -1, 0]], [3]);
    expect([m.network.inUse, m.operators[0]!.inUse, m.districts[0]!.inUse]).toEqual([3, 3, 0]);
  });
});

describe('zoneStatus', () => {
  const fence = { id: 'f', kind: 'parking' as const, capacity: 10 };
  it('is busy from 80% and saturated at capacity', () => {
    expect([7, 8, 10, 12].map((n) => zoneStatus(fence, n).state)).toEqual([
      'ok',
      'busy',
      'saturated',
      'saturated',
    ]);
  });

  it('gives saturation as parked over capacity', () => {
    expect(zoneStatus(fence, 12).saturation).toBe(1.2);
  });
});
