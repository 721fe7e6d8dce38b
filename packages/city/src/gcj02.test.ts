import { describe, expect, it } from 'vitest';
import type { LngLat } from '@cbo/contracts';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02';
import { haversineM } from './haversine-m';

describe('GCJ-02', () => {
  it('round-trips WGS-84 -> GCJ-02 -> WGS-84 within 1 m across Hangzhou', () => {
    const points: LngLat[] = [
      [120.145, 30.245],
      [120.21, 30.205],
      [119.7, 30.55],
      [120.7, 29.85],
    ];
    for (const p of points) expect(haversineM(gcj02ToWgs84(wgs84ToGcj02(p)), p)).toBeLessThan(1);
  });

  it('offsets Hangzhou about 450 m east and 250 m south', () => {
    const p: LngLat = [120.16, 30.27];
    const g = wgs84ToGcj02(p);
    const eastM = haversineM(p, [g[0], p[1]]) * Math.sign(g[0] - p[0]);
    const northM = haversineM(p, [p[0], g[1]]) * Math.sign(g[1] - p[1]);
    expect(eastM).toBeGreaterThan(400);
    expect(eastM).toBeLessThan(520);
    expect(northM).toBeLessThan(-200);
    expect(northM).toBeGreaterThan(-320);
  });

  it('leaves points outside China unchanged', () => {
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84([2.35, 48.85])).toEqual([2.35, 48.85]);
  });
});
