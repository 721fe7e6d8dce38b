import fp from 'fastify-plugin';
import type { City } from '@cbo/city';
import { resolveConfigPath } from '../config';
import { loadCity } from '../city/load-city';

declare module 'fastify' {
  interface FastifyInstance {
    /** The city model every other part works on. */
    city: City;
  }
}

export interface CityPluginOptions {
  /** A city already built (tests, bench); otherwise loaded from CITY_DIR (densified to DENSIFY_TO). */
  city?: City;
}

/** Loads the city once at startup; a missing or invalid fixture file stops startup with an error naming it. */
export const cityPlugin = fp<CityPluginOptions>(
  async (app, options) => {
    const city =
      options.city ?? (await loadCity(resolveConfigPath(app.config.CITY_DIR), app.config.DENSIFY_TO));
    app.log.info({ cityId: city.document.id, segments: city.segmentCount }, 'city loaded');
    app.decorate('city', city);
  },
  { name: 'cbo-city', dependencies: ['cbo-config'] },
);
