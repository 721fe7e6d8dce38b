import { readFile } from 'node:fs/promises';
import fp from 'fastify-plugin';
import { parseBikeFixture, type BikeCityFixture } from '@cbo/city';
import { ROLES, type GbfsFile } from '@cbo/contracts';
import { buildSimGbfsDocument, createBikeSim, simGbfsSystems, type BikeSim } from '@cbo/sim';
import { resolveConfigPath } from '../config';
import { utcOffsetMinutesOf } from '../traffic/utc-offset';
import { bikeAlertInputs } from './bike-alert-inputs';
import { backfillBikeSeries } from './bike-series-backfill';
import { createBikeOperatorSeries, type BikeOperatorSeriesStore } from './bike-operator-series';
import { createBikeService, type BikeService } from './bike-service';
import { attachBikesGateway } from './bikes-gateway';
import {
  createGbfsPoller,
  createHttpFetchText,
  type GbfsFeedConfig,
  type GbfsPollReport,
} from './gbfs-poller';
import { parseGbfsUrls } from './parse-gbfs-urls';

/** The bike domain of the running server. */
export interface BikesRuntime {
  service: BikeService;
  series: BikeOperatorSeriesStore;
  /** The simulator and its fixture when SIM=on and BIKES_FLEET > 0. */
  sim: { sim: BikeSim; fixture: BikeCityFixture } | null;
  /** Feeds the poller follows. */
  feeds: readonly GbfsFeedConfig[];
  /** Reads every due file at `at` and samples the series (timers call it; tests call it by hand). */
  pollNow(at: number): Promise<GbfsPollReport>;
  /** Settles when today's series backfill (SIM=on, SIM_BACKFILL=on) is done or stopped. */
  backfill: Promise<unknown>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Shared bikes: GBFS ingest, metrics, series, simulator (docs/bikes.md). */
    bikes: BikesRuntime;
  }
}

/** Scheme of the simulator's in-process feed URLs: read by the same poller and ingest as any feed. */
export const SIM_GBFS_SCHEME = 'sim:';

async function readBikeFixture(cityDir: string): Promise<BikeCityFixture | null> {
  const read = async (name: string): Promise<unknown> =>
    JSON.parse(await readFile(`${cityDir}/${name}`, 'utf8'));
  try {
    const files = {
      stations: await read('bike-stations.geojson'),
      zones: await read('bike-zones.geojson'),
      operators: await read('bike-operators.json'),
    };
    return parseBikeFixture(files).fixture;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Creates the bike service, the simulator's GBFS feed (SIM=on), the poller of BIKES_GBFS_URLS, the alert
 * inputs and the socket streams. The poller runs every BIKES_POLL_MS of real time while BIKES=on.
 */
export const bikesPlugin = fp(
  async (app) => {
    const { BIKES, BIKES_GBFS_URLS, BIKES_FLEET, BIKES_POLL_MS, SIM, SIM_SEED, SIM_BACKFILL, CITY_DIR } =
      app.config;
    const clock = app.pipeline.clock;
    const startedAt = clock.now();
    const utcOffsetMinutes = utcOffsetMinutesOf(app.city.document.timeZone, startedAt);
    const fixture = await readBikeFixture(resolveConfigPath(CITY_DIR));
    const service = createBikeService({ city: app.city, fixture });
    const series = createBikeOperatorSeries(utcOffsetMinutes);
    const sim =
      SIM === 'on' && BIKES_FLEET > 0 && fixture
        ? {
            sim: createBikeSim({ fixture, fleetSize: BIKES_FLEET, seed: SIM_SEED, utcOffsetMinutes }),
            fixture,
          }
        : null;
    const feeds: GbfsFeedConfig[] = [
      ...(sim
        ? simGbfsSystems(sim.sim).map((system) => ({
            feedId: `sim-${system}`,
            url: `sim://hangzhou/${system}/gbfs.json`,
          }))
        : []),
      ...parseGbfsUrls(BIKES_GBFS_URLS),
    ];
    const http = createHttpFetchText();
    const fetchText = async (url: string): Promise<string> => {
      if (!url.startsWith(SIM_GBFS_SCHEME)) return http(url);
      const [systemId = '', name = ''] = url.slice('sim://hangzhou/'.length).split('/');
      const document = sim
        ? buildSimGbfsDocument(sim.sim, sim.fixture, {
            systemId,
            file: name.replace(/\.json$/, '') as GbfsFile,
            at: clock.now(),
            baseUrl: `sim://hangzhou/${systemId}/`,
          })
        : null;
      if (document === null) throw new Error('HTTP 404');
      return JSON.stringify(document);
    };
    const poller = createGbfsPoller({ service, feeds, fetchText });
    const pollNow = async (at: number): Promise<GbfsPollReport> => {
      const report = await poller.pollDue(at);
      series.sample(at, service.metrics(at));
      return report;
    };
    const log = app.log.child({ module: 'bikes' });
    let closing = false;
    // Today's operator series from local midnight, in the background (15-minute points; live ones every 5).
    const backfill: Promise<unknown> =
      sim && SIM_BACKFILL === 'on'
        ? backfillBikeSeries({
            city: app.city,
            ...sim,
            series,
            from:
              startedAt -
              ((((startedAt + utcOffsetMinutes * 60_000) % 86_400_000) + 86_400_000) % 86_400_000),
            to: startedAt,
            stopped: () => closing,
          }).catch((error: unknown) => log.error({ err: error }, 'bike series backfill failed'))
        : Promise.resolve();
    app.decorate('bikes', { service, series, sim, feeds, pollNow, backfill });

    app.alerts.registerInputs((now) => bikeAlertInputs(service, now, startedAt));
    for (const event of ['bikes:subscribe', 'bikes:unsubscribe', 'bikes:resync'])
      app.socketAccess.declare(event, { roles: ROLES });
    const detachGateway = attachBikesGateway({ io: app.io, pipeline: app.pipeline, service, log });
    let busy = false;
    const stopTimer =
      BIKES === 'on' && feeds.length > 0
        ? clock.every(BIKES_POLL_MS, () => {
            if (busy) return;
            busy = true;
            pollNow(clock.now())
              .catch((error: unknown) => log.error({ err: error }, 'bike poll failed'))
              .finally(() => {
                busy = false;
              });
          })
        : () => undefined;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onClose', async () => {
      stopTimer();
      detachGateway();
      await backfill;
    });
  },
  {
    name: 'cbo-bikes',
    dependencies: ['cbo-config', 'cbo-city', 'cbo-pipeline', 'cbo-alerts', 'cbo-socket', 'cbo-auth'],
  },
);
