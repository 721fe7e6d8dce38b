import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCityFixture } from './read-city-fixture';

let dir: string | undefined;

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function fixtureDir(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'cbo-city-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const EMPTY_COLLECTION = '{"type":"FeatureCollection","features":[]}';

describe('readCityFixture', () => {
  it('reads the four files into a fixture', async () => {
    const path = await fixtureDir({
      'city.json': '{"id":"x","nameZh":"某","nameEn":"X","timeZone":"Asia/Shanghai"}',
      'districts.geojson': EMPTY_COLLECTION,
      'water.geojson': EMPTY_COLLECTION,
      'roads.geojson': EMPTY_COLLECTION,
    });
    const fixture = await readCityFixture(path);
    expect(fixture.meta.id).toBe('x');
    expect(fixture.roads).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('names a missing file', async () => {
    const path = await fixtureDir({
      'city.json': '{}',
      'districts.geojson': EMPTY_COLLECTION,
      'water.geojson': EMPTY_COLLECTION,
    });
    await expect(readCityFixture(path)).rejects.toThrow(
      `Cannot load city fixture file ${join(path, 'roads.geojson')}: file not found`,
    );
  });

  it('names a file that is not valid JSON', async () => {
    const path = await fixtureDir({
      'city.json': '{}',
      'districts.geojson': EMPTY_COLLECTION,
      'water.geojson': '{"type": FeatureCollection',
      'roads.geojson': EMPTY_COLLECTION,
    });
    await expect(readCityFixture(path)).rejects.toThrow(/water\.geojson: not valid JSON/);
  });
});
