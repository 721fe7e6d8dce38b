import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '@cbo/contracts';
import { distanceToPolylineM, pointInRings } from '../point-in-rings';
import { buildRiverNetwork } from './build-river-network';

const dir = fileURLToPath(new URL('../../../../fixtures/hangzhou/', import.meta.url));
const read = (file: string): unknown => JSON.parse(readFileSync(dir + file, 'utf8'));
const water = (
  read('water.geojson') as {
    features: { properties: { id: string }; geometry: { type: string; coordinates: unknown } }[];
  }
).features;
const waterIds = new Set(water.map((f) => f.properties.id));
const network = buildRiverNetwork(
  {
    gauges: read('gauges.geojson'),
    stations: read('water-quality-stations.geojson'),
    cameras: read('river-cameras.geojson'),
    reaches: read('river-reaches.geojson'),
  },
  { waterIds },
);

/** Distance from a point to its water feature: 0 inside a polygon, else to the centre line. */
function distanceToWaterM(point: LngLat, waterId: string): number {
  const feature = water.find((f) => f.properties.id === waterId)!;
  if (feature.geometry.type === 'Polygon') {
    return pointInRings(point, feature.geometry.coordinates as LngLat[][]) ? 0 : Infinity;
  }
  return distanceToPolylineM(point, feature.geometry.coordinates as LngLat[]);
}

describe('the Hangzhou river fixture', () => {
  it('has at least 40 gauges, 20 water-quality stations and some river cameras', () => {
    expect(network.gauges.length).toBeGreaterThanOrEqual(40);
    expect(network.stations.length).toBeGreaterThanOrEqual(20);
    expect(network.cameras.length).toBeGreaterThanOrEqual(20);
  });

  it('orders every gauge normal < set-up < warning < guaranteed < historic maximum', () => {
    for (const g of network.gauges) {
      expect(g.normalLevelM).toBeLessThan(g.setUpLevelM);
      expect(g.setUpLevelM).toBeLessThan(g.warningLevelM);
      expect(g.warningLevelM).toBeLessThan(g.guaranteedLevelM);
      expect(g.guaranteedLevelM).toBeLessThan(g.historicMaxLevelM);
    }
  });

  it('puts every gauge, station and camera on its water feature (within 50 m of a line, inside a polygon)', () => {
    for (const item of [...network.gauges, ...network.stations, ...network.cameras]) {
      expect(distanceToWaterM(item.position, item.waterId), item.id).toBeLessThanOrEqual(50);
    }
  });

  it('covers every river and lake the issue names with at least two gauges', () => {
    const named = ['qiantang-river', 'grand-canal', 'shangtang-river', 'zhong-river', 'dong-river'];
    for (const id of [...named, 'yuhangtang-river', 'west-lake', 'xixi-wetland']) {
      expect(network.gauges.filter((g) => g.waterId === id).length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every reach at least one gauge or station and keeps targets within II..V', () => {
    for (const r of network.reaches) expect(r.gaugeIds.length + r.stationIds.length, r.id).toBeGreaterThan(0);
    for (const s of network.stations) expect([2, 3, 4, 5]).toContain(s.targetClass);
  });

  it('finds 拱宸桥 as the gauge nearest to a point beside the bridge', () => {
    const hit = network.nearestGauge([120.1395, 30.32], 2000);
    expect(network.gauges[hit!.index]!.nameZh).toBe('拱宸桥站');
  });
});
