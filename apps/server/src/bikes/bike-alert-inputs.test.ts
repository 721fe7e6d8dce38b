import { readFileSync } from 'node:fs';
import { activeAlerts, createRuleEngine, evaluate } from '@cbo/alerts';
import type { AlertRule } from '@cbo/contracts';
import { describe, expect, it } from 'vitest';
import { resolveConfigPath } from '../config';
import { loadTestCity } from '../testing/test-app';
import { bikeAlertInputs } from './bike-alert-inputs';
import { createBikeService } from './bike-service';

const T0 = Date.UTC(2026, 0, 15, 2);
const RULES = (
  JSON.parse(readFileSync(resolveConfigPath('fixtures/rules/bikes.json'), 'utf8')) as { rules: AlertRule[] }
).rules;

/** A 3.0 feed with `count` vehicles, the first `inNoParking` of them parked inside the no-parking square. */
async function serviceWithVehicles(count: number, ttl: number) {
  const service = createBikeService({ city: await loadTestCity(), fixture: null });
  const square = [
    [
      [
        [120.15, 30.25],
        [120.151, 30.25],
        [120.151, 30.251],
        [120.15, 30.25],
      ],
    ],
  ];
  const envelope = (data: object) => ({ last_updated: '2026-01-15T02:00:00Z', ttl, version: '3.0', data });
  service.ingestDocument(
    'f',
    'geofencing_zones',
    envelope({
      geofencing_zones: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'MultiPolygon', coordinates: square },
            properties: {
              rules: [{ ride_start_allowed: false, ride_end_allowed: false, ride_through_allowed: true }],
            },
          },
        ],
      },
      global_rules: [],
    }),
    T0,
  );
  const vehicles = Array.from({ length: count }, (_, i) => ({
    vehicle_id: `v${i}`,
    lat: 30.2505,
    lon: 120.1505,
    is_reserved: false,
    is_disabled: false,
  }));
  service.ingestDocument('f', 'vehicle_status', envelope({ vehicles }), T0);
  return service;
}

describe('bikeAlertInputs', () => {
  it('watches each GBFS feed as silent after twice its ttl, at least 60 s', async () => {
    const input = bikeAlertInputs(await serviceWithVehicles(1, 120), T0, T0);
    expect(input.feeds).toEqual([
      { feed: 'gbfs:f', lastReceivedAt: T0, silentAfterMs: 240_000, watchedSince: T0 },
    ]);
  });

  it('raises the built-in feed-silent alert once the feed stays quiet past the threshold', async () => {
    const service = await serviceWithVehicles(1, 30);
    let engine = createRuleEngine([]);
    engine = evaluate(engine, bikeAlertInputs(service, T0, T0), T0).engine;
    engine = evaluate(engine, bikeAlertInputs(service, T0 + 61_000, T0), T0 + 61_000).engine;
    expect(activeAlerts(engine).map((a) => a.entityId)).toEqual(['gbfs:f']);
  });

  it('gives the no-parking zone its parked count, firing the violation rule after 10 minutes', async () => {
    const service = await serviceWithVehicles(6, 3600);
    let engine = createRuleEngine(RULES, { builtins: false });
    for (const minutes of [0, 10]) {
      const at = T0 + minutes * 60_000;
      engine = evaluate(engine, bikeAlertInputs(service, at, T0), at).engine;
    }
    expect(activeAlerts(engine).map((a) => [a.ruleId, a.entityId])).toEqual([
      ['bike-no-parking-violation', 'f:0'],
    ]);
  });
});
