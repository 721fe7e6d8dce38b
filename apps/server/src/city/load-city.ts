import { buildCity, densifyCity, type City } from '@cbo/city';
import createError from '@fastify/error';
import { readCityFixture } from './read-city-fixture';

/** Thrown at startup when the fixture files are readable but their content is invalid. */
export const CityInvalidError = createError<[string, string]>(
  'CBO_ERR_CITY_INVALID',
  'City fixture in %s is invalid: %s',
  500,
);

/** Seed of the generated streets of a densified city: fixed, so a densified city is the same on every run. */
export const DENSIFY_SEED = 1;

/**
 * Loads the city of a fixture folder, densified with generated streets up to `densifyTo` segments when that is
 * larger than the city.
 * @throws CityFixtureFileError naming a missing or unreadable file; CityInvalidError listing invalid content
 */
export async function loadCity(cityDir: string, densifyTo = 0): Promise<City> {
  const fixture = await readCityFixture(cityDir);
  let city: City;
  try {
    city = buildCity(fixture);
  } catch (error) {
    throw new CityInvalidError(cityDir, (error as Error).message);
  }
  return densifyTo > city.segmentCount
    ? densifyCity(city, { targetSegments: densifyTo, seed: DENSIFY_SEED })
    : city;
}
