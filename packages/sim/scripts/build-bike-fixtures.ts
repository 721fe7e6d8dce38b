/**
 * Deterministic build step: derives Hangzhou's bike fixtures from the city's districts and roads and writes
 * `fixtures/hangzhou/bike-stations.geojson`, `bike-zones.geojson` and `bike-operators.json` (provenance in
 * fixtures/README.md). Same inputs, same output: seeded with mulberry32(2026).
 *
 * Run from the repository root: `pnpm --filter @cbo/sim exec tsx scripts/build-bike-fixtures.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LngLat } from '@cbo/contracts';
import { haversineM, mulberry32 } from '@cbo/city';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CITY = `${ROOT}fixtures/hangzhou/`;
const random = mulberry32(2026);

interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
const read = (file: string): Feature[] =>
  (JSON.parse(readFileSync(CITY + file, 'utf8')) as { features: Feature[] }).features;

/** Office and business centres (approximate, WGS-84): the morning tide fills them. */
const OFFICE_CENTRES: { id: string; zh: string; en: string; at: LngLat; radiusM: number }[] = [
  { id: 'wulin', zh: '武林商圈', en: 'Wulin', at: [120.1655, 30.2745], radiusM: 1600 },
  { id: 'qianjiang', zh: '钱江新城', en: 'Qianjiang New City', at: [120.2125, 30.2455], radiusM: 1800 },
  { id: 'huanglong', zh: '黄龙', en: 'Huanglong', at: [120.1435, 30.2715], radiusM: 1200 },
  {
    id: 'binjiang-hitech',
    zh: '滨江高新区',
    en: 'Binjiang Hi-tech Zone',
    at: [120.201, 30.19],
    radiusM: 2000,
  },
  {
    id: 'future-sci-tech',
    zh: '未来科技城',
    en: 'Future Sci-Tech City',
    at: [120.02, 30.285],
    radiusM: 2200,
  },
  { id: 'xiaoshan-cbd', zh: '萧山市心', en: 'Xiaoshan Centre', at: [120.264, 30.164], radiusM: 1500 },
];

/** Places where bikes may not be left (lake shore, station forecourts), approximate, WGS-84. */
const NO_PARKING_SPOTS: { zh: string; en: string; at: LngLat }[] = [
  { zh: '断桥', en: 'Broken Bridge', at: [120.152, 30.259] },
  { zh: '湖滨步行街', en: 'Hubin Walk', at: [120.1635, 30.2565] },
  { zh: '南山路', en: 'Nanshan Road', at: [120.162, 30.245] },
  { zh: '北山街', en: 'Beishan Street', at: [120.145, 30.26] },
  { zh: '杭州东站', en: 'Hangzhou East Station', at: [120.2125, 30.2905] },
  { zh: '杭州站', en: 'Hangzhou Station', at: [120.1825, 30.2435] },
  { zh: '武林广场', en: 'Wulin Square', at: [120.1645, 30.2715] },
  { zh: '市民中心', en: 'Citizen Centre', at: [120.2105, 30.2445] },
];

const round = (v: number): number => Math.round(v * 1e5) / 1e5;
const nearestCentre = (p: LngLat): { centre: (typeof OFFICE_CENTRES)[number]; distanceM: number } =>
  OFFICE_CENTRES.map((centre) => ({ centre, distanceM: haversineM(p, centre.at) })).sort(
    (a, b) => a.distanceM - b.distanceM,
  )[0]!;

function inRings(p: LngLat, rings: LngLat[][]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[i]!, ring[j]!];
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0])
        inside = !inside;
    }
  return inside;
}

const districts = read('districts.geojson').map((f) => ({
  id: String(f.properties['id']),
  rings:
    f.geometry.type === 'Polygon'
      ? (f.geometry.coordinates as LngLat[][])
      : (f.geometry.coordinates as LngLat[][][]).flat(),
}));
const districtOf = (p: LngLat): string | null => districts.find((d) => inRings(p, d.rings))?.id ?? null;

/** A rectangle of `widthM` x `heightM` centred on `at`, closed ring. */
function rectangle(at: LngLat, widthM: number, heightM: number): LngLat[][] {
  const dLng = widthM / 2 / (111_320 * Math.cos((at[1] * Math.PI) / 180));
  const dLat = heightM / 2 / 110_574;
  const [x, y] = at;
  const ring: LngLat[] = [
    [x - dLng, y - dLat],
    [x + dLng, y - dLat],
    [x + dLng, y + dLat],
    [x - dLng, y + dLat],
    [x - dLng, y - dLat],
  ];
  return [ring.map(([a, b]) => [round(a), round(b)] as LngLat)];
}

// Stations: every 900 m along arterial and secondary roads, inside a district.
const stations: object[] = [];
const SPACING_M = 900;
for (const road of read('roads.geojson')) {
  if (road.properties['roadClass'] === 'expressway' || road.geometry.type !== 'LineString') continue;
  const line = road.geometry.coordinates as LngLat[];
  let carried = SPACING_M / 2;
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1]!, line[i]!];
    const legM = haversineM(a, b);
    while (carried <= legM) {
      const t = carried / legM;
      const p: LngLat = [round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t)];
      const districtId = districtOf(p);
      const tooClose = stations.some((s) => haversineM((s as { at: LngLat }).at, p) < 400);
      if (districtId !== null && !tooClose) {
        const { centre, distanceM } = nearestCentre(p);
        const use = distanceM < centre.radiusM ? 'office' : random() < 0.25 ? 'mixed' : 'residential';
        const n = stations.length + 1;
        stations.push({
          at: p,
          id: `hzpb-${String(n).padStart(4, '0')}`,
          nameZh: `${String(road.properties['nameZh'])}${n}号站`,
          nameEn: `${String(road.properties['nameEn'])} No. ${n}`,
          capacity: 20 + 5 * Math.floor(random() * 5),
          use,
          districtId,
        });
      }
      carried += SPACING_M;
    }
    carried -= legM;
  }
}

// Zones: parking fences beside office stations and one in three residential ones; no-parking spots.
const zones: object[] = [];
stations.forEach((s, i) => {
  const { at, use, districtId } = s as { at: LngLat; use: string; districtId: string };
  if (use === 'residential' && i % 3 !== 0) return;
  const fenceAt: LngLat = [at[0] + 0.0006, at[1] + 0.0003];
  zones.push({
    at: fenceAt,
    kind: 'parking',
    id: `fence-${String(zones.length + 1).padStart(4, '0')}`,
    nameZh: `停放围栏${zones.length + 1}`,
    nameEn: `Parking fence ${zones.length + 1}`,
    capacity: use === 'office' ? 40 + 10 * Math.floor(random() * 5) : 30,
    use,
    districtId,
  });
});
for (const spot of NO_PARKING_SPOTS) {
  const { centre, distanceM } = nearestCentre(spot.at);
  zones.push({
    at: spot.at,
    kind: 'no-parking',
    id: `nopark-${String(zones.length + 1).padStart(4, '0')}`,
    nameZh: `${spot.zh}禁停区`,
    nameEn: `${spot.en} no-parking zone`,
    capacity: null,
    use: distanceM < centre.radiusM ? 'office' : 'mixed',
    districtId: districtOf(spot.at),
  });
}

const toCollection = (items: object[], geometry: (item: Record<string, unknown>) => object): string =>
  `{"type":"FeatureCollection","features":[\n${items
    .map((item) => {
      const { at: _at, ...properties } = item as Record<string, unknown>;
      return JSON.stringify({
        type: 'Feature',
        properties,
        geometry: geometry(item as Record<string, unknown>),
      });
    })
    .join(',\n')}\n]}\n`;

writeFileSync(
  `${CITY}bike-stations.geojson`,
  toCollection(stations, (s) => ({ type: 'Point', coordinates: s['at'] })),
);
writeFileSync(
  `${CITY}bike-zones.geojson`,
  toCollection(zones, (z) => ({
    type: 'Polygon',
    coordinates:
      z['kind'] === 'parking' ? rectangle(z['at'] as LngLat, 40, 16) : rectangle(z['at'] as LngLat, 160, 120),
  })),
);
const operators = {
  description:
    'Bike operators of the simulated city: the docked public-bike system and three fictional dockless operators with permit quotas. fleetShare: share of the dockless fleet; unpermittedShare: share deployed without a permit.',
  operators: [
    {
      id: 'hz-public-bike',
      nameZh: '杭州公共自行车',
      nameEn: 'Hangzhou Public Bicycle',
      dockless: false,
      quota: null,
      permitsIssued: false,
      permitPrefix: '',
      unitId: null,
      fleetShare: 0,
      unpermittedShare: 0,
    },
    {
      id: 'yunqi',
      nameZh: '云骑单车',
      nameEn: 'Yunqi Bike',
      dockless: true,
      quota: 12000,
      permitsIssued: true,
      permitPrefix: 'HZ-YQ-',
      unitId: 'bo-yunqi',
      fleetShare: 0.4,
      unpermittedShare: 0.03,
    },
    {
      id: 'chenglun',
      nameZh: '橙轮出行',
      nameEn: 'Chenglun Mobility',
      dockless: true,
      quota: 10000,
      permitsIssued: true,
      permitPrefix: 'HZ-CL-',
      unitId: 'bo-chenglun',
      fleetShare: 0.35,
      unpermittedShare: 0.02,
    },
    {
      id: 'hupan',
      nameZh: '湖畔骑行',
      nameEn: 'Hupan Ride',
      dockless: true,
      quota: 6000,
      permitsIssued: true,
      permitPrefix: 'HZ-HP-',
      unitId: 'bo-hupan',
      fleetShare: 0.25,
      unpermittedShare: 0.12,
    },
  ],
};
writeFileSync(`${CITY}bike-operators.json`, `${JSON.stringify(operators, null, 2)}\n`);
process.stdout.write(`${stations.length} stations, ${zones.length} zones\n`);
