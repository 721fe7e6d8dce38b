import type { City } from '@cbo/city';
import { buildTestCity } from '@cbo/city/testing';
import type { TestSegmentSpec } from '@cbo/city/testing';

/** Local midnight (UTC+8) starting Wednesday 2026-12-02, epoch ms. */
export const WEDNESDAY = Date.UTC(2026, 11, 1, 16, 0, 0);
/** Local midnight (UTC+8) starting Saturday 2026-12-05, epoch ms. */
export const SATURDAY = Date.UTC(2026, 11, 4, 16, 0, 0);
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

const CLASSES = ['expressway', 'arterial', 'secondary', 'branch'] as const;
const FREE_FLOW_KMH = { expressway: 80, arterial: 50, secondary: 40, branch: 30 };

/**
 * Eight segments in one chain: segment i + 1 flows into segment i (so `upstream[i] = [i + 1]`), mixed
 * road classes, two districts.
 */
export function buildChainCity(): City {
  const specs: TestSegmentSpec[] = Array.from({ length: 8 }, (_, i) => {
    const roadClass = CLASSES[i % 4]!;
    return {
      roadClass,
      lanes: 2,
      lengthM: 400 + i * 50,
      freeFlowKmh: FREE_FLOW_KMH[roadClass],
      district: i < 4 ? 0 : 1,
      upstream: i < 7 ? [i + 1] : [],
    };
  });
  return buildTestCity(specs);
}

/** Mean over all segments of free-flow speed over model speed at `at`. */
export function meanTti(city: City, speedAt: (i: number, at: number) => number, at: number): number {
  let sum = 0;
  for (let i = 0; i < city.segmentCount; i += 1) sum += city.freeFlowKmh[i]! / speedAt(i, at);
  return sum / city.segmentCount;
}
