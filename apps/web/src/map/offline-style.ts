import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { CityDocument } from '@cbo/contracts';
import { DISTRICT_FILL_ALPHA, LEVEL_COLORS } from './level-palette';

/** Background of the map and the screen. */
export const MAP_BACKGROUND = '#070b12';

type Feature = { type: 'Feature'; id?: string; properties: Record<string, unknown>; geometry: unknown };
const collection = (features: Feature[]) => ({ type: 'FeatureCollection' as const, features });

/** District fill colour by the `level` feature state (TPI level, 0 = unknown). */
function districtFillColor(): ExpressionSpecification {
  const stops: (number | string)[] = [];
  for (let level = 1; level <= 5; level += 1) {
    const [r, g, b] = LEVEL_COLORS[level]!;
    stops.push(level, `rgba(${r}, ${g}, ${b}, ${DISTRICT_FILL_ALPHA[level]})`);
  }
  return [
    'match',
    ['coalesce', ['feature-state', 'level'], 0],
    ...stops,
    `rgba(120, 130, 150, ${DISTRICT_FILL_ALPHA[0]})`,
  ] as unknown as ExpressionSpecification;
}

/** Width of a water line in pixels from its `widthM` property (default 40 m), at least 1 px. */
const waterLineWidth = (metresPerPixelAtZ8: number): ExpressionSpecification =>
  [
    'max',
    1,
    ['/', ['coalesce', ['get', 'widthM'], 40], metresPerPixelAtZ8],
  ] as unknown as ExpressionSpecification;

/**
 * The basemap as a MapLibre style built from the city document alone: no tiles, glyphs or sprites, so it
 * draws with no network at all. Layers bottom-up: background, district fills (shaded by TPI level through
 * feature state), water areas and lines, road casings, district outlines. Segment colours and labels are
 * drawn by deck.gl on top.
 */
export function buildOfflineStyle(city: CityDocument): StyleSpecification {
  const districts = collection(
    city.districts.map((d) => ({
      type: 'Feature',
      properties: { id: d.id, nameZh: d.nameZh, nameEn: d.nameEn },
      geometry: { type: 'MultiPolygon', coordinates: d.polygons },
    })),
  );
  const waterAreas = collection(
    city.water
      .filter((w) => w.polygon)
      .map((w) => ({
        type: 'Feature',
        properties: { id: w.id, kind: w.kind },
        geometry: { type: 'Polygon', coordinates: w.polygon },
      })),
  );
  const waterLines = collection(
    city.water
      .filter((w) => w.line)
      .map((w) => ({
        type: 'Feature',
        properties: { id: w.id, kind: w.kind, widthM: w.widthM ?? null },
        geometry: { type: 'LineString', coordinates: w.line },
      })),
  );
  const roads = collection(
    city.segments.map((s) => ({
      type: 'Feature',
      properties: { roadClass: s.roadClass },
      geometry: { type: 'LineString', coordinates: s.path },
    })),
  );
  // Metres per pixel at latitude ~30 deg: 135,600 / 2^zoom.
  const mppZ8 = 135_600 / 2 ** 8;
  const mppZ16 = 135_600 / 2 ** 16;
  return {
    version: 8,
    name: `${city.id}-offline`,
    sources: {
      districts: { type: 'geojson', data: districts as never, promoteId: 'id' },
      'water-areas': { type: 'geojson', data: waterAreas as never },
      'water-lines': { type: 'geojson', data: waterLines as never },
      roads: { type: 'geojson', data: roads as never },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } },
      {
        id: 'district-fill',
        type: 'fill',
        source: 'districts',
        paint: { 'fill-color': districtFillColor() },
      },
      {
        id: 'water-area',
        type: 'fill',
        source: 'water-areas',
        paint: { 'fill-color': '#12365a', 'fill-opacity': 0.95 },
      },
      {
        id: 'water-line',
        type: 'line',
        source: 'water-lines',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#1c4d7a',
          'line-width': [
            'interpolate',
            ['exponential', 2],
            ['zoom'],
            8,
            waterLineWidth(mppZ8),
            16,
            waterLineWidth(mppZ16),
          ],
        },
      },
      {
        id: 'road-casing',
        type: 'line',
        source: 'roads',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': '#1a2333',
          'line-width': ['match', ['get', 'roadClass'], 'expressway', 6, 'arterial', 4.5, 'secondary', 3, 2],
        },
      },
      {
        id: 'district-outline',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': '#5a6f93', 'line-width': 1.5, 'line-opacity': 0.8, 'line-dasharray': [3, 2] },
      },
    ],
  };
}
