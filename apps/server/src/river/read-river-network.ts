import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRiverFixture, type City, type RiverFixture, type RiverNetwork } from '@cbo/city';
import { RiverFixtureError } from './river-errors';

/** The four river fixture files of a city folder, in {@link RiverFixture} order. */
export const RIVER_FIXTURE_FILES = {
  gauges: 'gauges.geojson',
  stations: 'water-quality-stations.geojson',
  cameras: 'river-cameras.geojson',
  reaches: 'river-reaches.geojson',
} as const;

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RiverFixtureError(path, code === 'ENOENT' ? 'file not found' : String(error));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RiverFixtureError(path, `not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Reads and validates the river network of a city folder; every `waterId` must be a water feature of `city`.
 * @throws RiverFixtureError naming a missing file or listing the invalid content
 */
export async function readRiverNetwork(cityDir: string, city: Pick<City, 'document'>): Promise<RiverNetwork> {
  const entries = Object.entries(RIVER_FIXTURE_FILES) as [keyof RiverFixture, string][];
  const values = await Promise.all(entries.map(([, file]) => readJson(join(cityDir, file))));
  const fixture = Object.fromEntries(entries.map(([key], i) => [key, values[i]])) as unknown as RiverFixture;
  const waterIds = new Set(city.document.water.map((w) => w.id));
  const result = parseRiverFixture(fixture, { waterIds });
  if ('errors' in result) throw new RiverFixtureError(cityDir, result.errors.join('; '));
  return result.network;
}
