import type { City } from '@cbo/city';
import type { LngLat } from '@cbo/contracts';
import type { EvidenceEntity } from './evidence-entities';

/** Width of the map snapshot, px (the height follows the city's aspect). */
export const MAP_WIDTH_PX = 900;
const MARGIN_PX = 24;
const TITLE_PX = 28;

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Projection {
  project(point: LngLat): [number, number];
  height: number;
}

/**
 * Equirectangular projection with the longitude scaled by cos(mean latitude), fitted to the road network
 * plus a margin of a tenth of its extent (district outlines beyond it are clipped).
 */
function fitProjection(city: City): Projection {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const segment of city.segments)
    for (const [lng, lat] of segment.path) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  const padLng = (east - west) / 10;
  const padLat = (north - south) / 10;
  [west, east, south, north] = [west - padLng, east + padLng, south - padLat, north + padLat];
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = (MAP_WIDTH_PX - 2 * MARGIN_PX) / Math.max((east - west) * kx, 1e-9);
  const height = Math.ceil((north - south) * scale + 2 * MARGIN_PX + TITLE_PX);
  return {
    height,
    project: ([lng, lat]) => [
      MARGIN_PX + (lng - west) * kx * scale,
      TITLE_PX + MARGIN_PX + (north - lat) * scale,
    ],
  };
}

function pathData(points: readonly LngLat[], projection: Projection, close: boolean): string {
  const d = points
    .map((p, i) => {
      const [x, y] = projection.project(p);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
    })
    .join('');
  return close ? `${d}Z` : d;
}

/**
 * A map snapshot of a case as a self-contained SVG (no tiles): the district outlines of the city document,
 * every segment in grey (framed on the road network), the case's districts shaded and its segments drawn thick in vermillion with a
 * numbered marker (a second cue besides colour) and a legend naming them.
 */
export function renderCaseMapSvg(city: City, entities: readonly EvidenceEntity[], title: string): string {
  const projection = fitProjection(city);
  const caseDistricts = new Set(entities.filter((e) => e.target === 'district').map((e) => e.id));
  const parts: string[] = [];
  for (const d of city.document.districts) {
    const fill = caseDistricts.has(d.id) ? '#f0c987' : '#f2f2f2';
    const dPath = d.polygons.flatMap((polygon) => polygon.map((ring) => pathData(ring, projection, true)));
    parts.push(
      `<path data-district="${escapeXml(d.id)}" d="${dPath.join('')}" fill="${fill}" stroke="#777" stroke-width="1" fill-rule="evenodd"/>`,
    );
  }
  const roads = city.segments.map((s) => pathData(s.path, projection, false)).join('');
  parts.push(`<path d="${roads}" fill="none" stroke="#bbb" stroke-width="1"/>`);
  const legend: string[] = [];
  entities.forEach((entity, n) => {
    const label = `${n + 1}`;
    legend.push(`${label} ${entity.target} ${entity.id} ${entity.nameEn} ${entity.nameZh}`);
    const segment = entity.segmentIndex === null ? undefined : city.segments[entity.segmentIndex];
    if (!segment) return;
    parts.push(
      `<path data-segment="${escapeXml(segment.id)}" d="${pathData(segment.path, projection, false)}" fill="none" stroke="#d55e00" stroke-width="5" stroke-linecap="round"/>`,
    );
    const [x, y] = projection.project(segment.path[Math.floor(segment.path.length / 2)]!);
    parts.push(
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="9" fill="#fff" stroke="#d55e00" stroke-width="2"/>`,
    );
    parts.push(
      `<text x="${x.toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="11" text-anchor="middle">${label}</text>`,
    );
  });
  const lines = legend
    .map(
      (text, i) =>
        `<text x="${MARGIN_PX}" y="${projection.height - 8 - (legend.length - 1 - i) * 14}" font-size="12">${escapeXml(text)}</text>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH_PX}" height="${projection.height}" viewBox="0 0 ${MAP_WIDTH_PX} ${projection.height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...parts,
    `<rect width="100%" height="${TITLE_PX}" fill="#fff" fill-opacity="0.85"/>`,
    `<text x="${MARGIN_PX}" y="20" font-size="15">${escapeXml(title)}</text>`,
    `<rect y="${projection.height - 14 * legend.length - 10}" width="100%" height="${14 * legend.length + 10}" fill="#fff" fill-opacity="0.85"/>`,
    lines,
    '</svg>',
  ].join('\n');
}
