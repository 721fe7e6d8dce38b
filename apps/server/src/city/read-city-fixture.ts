import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import createError from '@fastify/error';
import type { CityFixture } from '@cbo/city';

/** Thrown at startup when a city fixture file is missing or is not valid JSON; the message names the file. */
export const CityFixtureFileError = createError<[string, string]>(
  'CBO_ERR_CITY_FIXTURE',
  'Cannot load city fixture file %s: %s',
  500,
);

/** The four files of a city fixture folder, in the order they are read. */
export const CITY_FIXTURE_FILES = [
  'city.json',
  'districts.geojson',
  'water.geojson',
  'roads.geojson',
] as const;

async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CityFixtureFileError(path, code === 'ENOENT' ? 'file not found' : String(error));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CityFixtureFileError(path, `not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Reads the four fixture files of a city folder (see {@link CITY_FIXTURE_FILES}) into a {@link CityFixture}.
 * Their content is validated by `buildCity` / `parseCityFixture`, not here.
 * @throws CityFixtureFileError naming the missing or unreadable file
 */
export async function readCityFixture(cityDir: string): Promise<CityFixture> {
  const settled = await Promise.allSettled(
    CITY_FIXTURE_FILES.map((file) => readJsonFile(join(cityDir, file))),
  );
  // Report the first bad file in the documented order, whichever read failed first.
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  const [meta, districts, water, roads] = settled.map((result) =>
    result.status === 'fulfilled' ? result.value : undefined,
  );
  return { meta: meta as CityFixture['meta'], districts, water, roads };
}
