import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiverNetwork } from '@cbo/city';
import { REPO_ROOT, resolveConfigPath } from '../../config';
import { loadTestCity, TEST_START_AT } from '../../testing/test-app';
import { readRiverNetwork } from '../read-river-network';
import { mapFiwareRiverEntity } from './fiware-river';
import { mapOwnRiverItem } from './own-river-format';
import { checkRiverEvents } from './river-event-input';

/** FIWARE examples of the shared conformance kit, beside the repository. */
const FIWARE_DIR = resolve(REPO_ROOT, '../shared/conformance/fiware');
const readExample = (type: string, name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(FIWARE_DIR, type, name), 'utf8')) as Record<string, unknown>;
const EXAMPLES = ['example.json', 'example-normalized.json', 'example.jsonld', 'example-normalized.jsonld'];
const GAUGE = 'g-grand-gouzhuang'; // normal 3.15, warning 3.95, guaranteed 4.45, historic maximum 4.9 m
const STATION = 'wq-gouzhuang';
const MIN = 60_000;
const NOW = TEST_START_AT;

// The network is immutable: reading it once per file shares no state between tests.
let network: RiverNetwork;
beforeAll(async () => {
  network = await readRiverNetwork(resolveConfigPath('fixtures/hangzhou'), await loadTestCity());
});

/** An example re-identified as one of the city's sites (its id ends with the site id). */
function reIdentified(type: string, name: string, siteId: string): Record<string, unknown> {
  return { ...readExample(type, name), id: `urn:ngsi-ld:${type}:${siteId}` };
}
const reasonOf = (mapped: object): string => ('reason' in mapped ? String(mapped.reason) : 'accepted');

describe('mapOwnRiverItem', () => {
  it('maps a level reading with an RFC 3339 time', () => {
    const mapped = mapOwnRiverItem(
      network,
      { gaugeId: GAUGE, observedAt: '2026-01-15T09:59:00+08:00', levelM: 3.5, flowM3s: 42 },
      0,
      NOW,
    );
    expect(mapped).toEqual({
      index: 0,
      gaugeIndex: network.gaugeIndexById.get(GAUGE),
      at: NOW - MIN,
      levelM: 3.5,
      flowM3s: 42,
    });
  });

  it('maps a partial water-quality sample', () => {
    const mapped = mapOwnRiverItem(
      network,
      { stationId: STATION, observedAt: NOW - MIN, doMgL: 6.2, nh3nMgL: 0.4 },
      3,
      NOW,
    );
    expect(mapped).toEqual({
      index: 3,
      stationIndex: network.stationIndexById.get(STATION),
      at: NOW - MIN,
      values: { doMgL: 6.2, nh3nMgL: 0.4 },
    });
  });

  it.each([
    [
      { gaugeId: 'g-nowhere', observedAt: NOW, levelM: 3 },
      "gaugeId: 'g-nowhere' is not a gauge of this city",
    ],
    [
      { stationId: 'wq-nowhere', observedAt: NOW, doMgL: 3 },
      "stationId: 'wq-nowhere' is not a water-quality station",
    ],
    [
      { gaugeId: GAUGE, observedAt: NOW, levelM: 9.91 },
      'levelM: 9.91 m is impossible at gauge g-grand-gouzhuang (normal 3.15 m, historic maximum 4.9 m; possible -6.85 to 9.90 m)',
    ],
    [{ gaugeId: GAUGE, observedAt: NOW, levelM: -6.86 }, 'levelM: -6.86 m is impossible'],
    [{ gaugeId: GAUGE, observedAt: NOW, levelM: 3, flowM3s: -1 }, 'flowM3s: -1 m³/s is impossible'],
    [{ stationId: STATION, observedAt: NOW, doMgL: 20.01 }, 'doMgL: 20.01 mg/L is impossible (0 to 20)'],
    [{ stationId: STATION, observedAt: NOW, ph: 14.1 }, 'ph: 14.1 is impossible (0 to 14)'],
    [{ stationId: STATION, observedAt: NOW, tpMgL: -0.01 }, 'tpMgL: -0.01 mg/L is impossible'],
    [{ stationId: STATION, observedAt: NOW }, 'no water-quality parameter'],
    [{ gaugeId: GAUGE, observedAt: NOW + 60_001, levelM: 3 }, 'is in the future'],
    [{ gaugeId: GAUGE, observedAt: 'yesterday', levelM: 3 }, 'observedAt: must be epoch ms'],
    [{ gaugeId: GAUGE, observedAt: NOW, levelM: 3, speedKmh: 3 }, 'speedKmh'],
  ])('rejects %j with its reason', (item, reason) => {
    expect(reasonOf(mapOwnRiverItem(network, item, 0, NOW))).toContain(reason);
  });

  it('accepts the edges of the possible range: 9.90 m and -6.85 m at a 4.9 m historic maximum', () => {
    expect(reasonOf(mapOwnRiverItem(network, { gaugeId: GAUGE, observedAt: NOW, levelM: 9.9 }, 0, NOW))).toBe(
      'accepted',
    );
    expect(
      reasonOf(mapOwnRiverItem(network, { gaugeId: GAUGE, observedAt: NOW, levelM: -6.85 }, 0, NOW)),
    ).toBe('accepted');
    expect(
      reasonOf(mapOwnRiverItem(network, { gaugeId: GAUGE, observedAt: NOW + 60_000, levelM: 3 }, 0, NOW)),
    ).toBe('accepted');
  });
});

describe('mapFiwareRiverEntity', () => {
  it.each(EXAMPLES)('maps FloodMonitoring %s to the gauge its id names, level from currentLevel', (name) => {
    const mapped = mapFiwareRiverEntity(network, reIdentified('FloodMonitoring', name, GAUGE), 0, NOW);
    expect(mapped).toMatchObject({
      gaugeIndex: network.gaugeIndexById.get(GAUGE),
      at: Date.parse('2020-09-16T13:30:00+05:30'),
      levelM: name.includes('normalized') ? 1.98 : 0.98,
    });
  });

  it.each(['example.json', 'example-normalized.json'])(
    'maps WaterObserved %s to a gauge, level from waterLevel',
    (name) => {
      const mapped = mapFiwareRiverEntity(network, reIdentified('WaterObserved', name, GAUGE), 0, NOW);
      expect(mapped).toMatchObject({
        gaugeIndex: network.gaugeIndexById.get(GAUGE),
        levelM: 2.4,
        flowM3s: null,
      });
    },
  );

  it.each(['example.jsonld', 'example-normalized.jsonld'])(
    'rejects the WaterObserved %s, which has no waterLevel (only height, a coastal alert height)',
    (name) => {
      const mapped = mapFiwareRiverEntity(network, reIdentified('WaterObserved', name, GAUGE), 0, NOW);
      expect(reasonOf(mapped)).toBe('waterLevel missing');
    },
  );

  it.each(EXAMPLES)(
    'maps WaterQualityObserved %s to a station: pH, temperature, total phosphorus',
    (name) => {
      const mapped = mapFiwareRiverEntity(
        network,
        reIdentified('WaterQualityObserved', name, STATION),
        0,
        NOW,
      );
      expect(mapped).toMatchObject({
        stationIndex: network.stationIndexById.get(STATION),
        values: { ph: 7.4, tpMgL: 0.6, waterTemperatureC: 24.4 },
      });
    },
  );

  it('rejects the unmodified examples: nothing in them names or lies near a site of this city', () => {
    const reasons = ['WaterObserved', 'FloodMonitoring', 'WaterQualityObserved'].map((type) =>
      reasonOf(mapFiwareRiverEntity(network, readExample(type, 'example.json'), 0, NOW)),
    );
    expect(reasons).toEqual([
      'location: no gauge within 200 m of [43.66481, 7.19655]',
      'no refPointOfInterest, id, stationID, name or location that names a gauge of this city',
      'location: no water-quality station within 200 m of [-5.99331, 37.36288]',
    ]);
  });

  it('maps by location within 200 m, by refPointOfInterest and by name, and rejects an unknown reference', () => {
    const gauge = network.gauges[network.gaugeIndexById.get(GAUGE)!]!;
    const base = { type: 'WaterObserved', id: 'x:1', dateObserved: '2026-01-15T01:59:00Z', waterLevel: 3.3 };
    const near = { type: 'Point', coordinates: [gauge.position[0] + 0.0015, gauge.position[1]] };
    const far = { type: 'Point', coordinates: [gauge.position[0] + 0.0025, gauge.position[1]] };
    const index = network.gaugeIndexById.get(GAUGE);
    expect(mapFiwareRiverEntity(network, { ...base, location: near }, 0, NOW)).toMatchObject({
      gaugeIndex: index,
    });
    expect(reasonOf(mapFiwareRiverEntity(network, { ...base, location: far }, 0, NOW))).toContain(
      'no gauge within 200 m',
    );
    expect(
      mapFiwareRiverEntity(
        network,
        { ...base, refPointOfInterest: `urn:ngsi-ld:PointOfInterest:${GAUGE}` },
        0,
        NOW,
      ),
    ).toMatchObject({ gaugeIndex: index });
    expect(mapFiwareRiverEntity(network, { ...base, name: gauge.nameZh }, 0, NOW)).toMatchObject({
      gaugeIndex: index,
    });
    expect(
      reasonOf(
        mapFiwareRiverEntity(network, { ...base, refPointOfInterest: 'elsewhere', location: near }, 0, NOW),
      ),
    ).toContain('refPointOfInterest');
  });

  it('converts centimetres and m³/h, and rejects a unit it does not know, naming it', () => {
    const entity = (unitCode: string) => ({
      id: `urn:ngsi-ld:WaterObserved:${GAUGE}`,
      type: 'WaterObserved',
      dateObserved: { type: 'Property', value: '2026-01-15T01:59:00Z' },
      waterLevel: { type: 'Property', value: 350, unitCode },
      flow: { type: 'Number', value: 7200, metadata: { unitCode: { type: 'Text', value: 'MQH' } } },
    });
    expect(mapFiwareRiverEntity(network, entity('CMT'), 0, NOW)).toMatchObject({ levelM: 3.5, flowM3s: 2 });
    expect(reasonOf(mapFiwareRiverEntity(network, entity('FOT'), 0, NOW))).toBe(
      "waterLevel: unitCode 'FOT' is not accepted (expected one of MTR, CMT, MMT)",
    );
  });

  it('reads NH4 as ammonia nitrogen (x 14.007 / 18.038) and COD_Mn from a measurand entry', () => {
    const mapped = mapFiwareRiverEntity(
      network,
      {
        id: `urn:ngsi-ld:WaterQualityObserved:${STATION}`,
        type: 'WaterQualityObserved',
        dateObserved: '2026-01-15T01:59:00Z',
        NH4: 1,
        O2: 6,
        measurand: ['CODMn, 4.5, M1, Permanganate index'],
      },
      0,
      NOW,
    );
    expect(mapped).toMatchObject({ values: { nh3nMgL: 0.7765, codMnMgL: 4.5, doMgL: 6 } });
  });

  it('rejects an impossible FIWARE value with the reason', () => {
    const entity = {
      id: `urn:ngsi-ld:WaterQualityObserved:${STATION}`,
      type: 'WaterQualityObserved',
      dateObserved: '2026-01-15T01:59:00Z',
      pH: 15,
    };
    expect(reasonOf(mapFiwareRiverEntity(network, entity, 0, NOW))).toBe('ph: 15 is impossible (0 to 14)');
  });

  it('rejects an entity of another type', () => {
    expect(
      reasonOf(mapFiwareRiverEntity(network, { id: 'x', type: 'TrafficFlowObserved' }, 0, NOW)),
    ).toContain("got 'TrafficFlowObserved'");
  });
});

describe('checkRiverEvents', () => {
  const event = {
    kind: 'dumping-sewage',
    observedAt: NOW - MIN,
    cameraId: 'cam-grand-01',
    evidenceRef: 'evidence://cam-grand-01/clip-1',
  };

  it('takes the camera reach and position and an alias kind', () => {
    const { events } = checkRiverEvents(network, [event], NOW, 'cams');
    expect(events[0]!.event).toEqual({
      id: `cam-grand-01:${NOW - MIN}`,
      kind: 'sewage-dumping',
      observedAt: NOW - MIN,
      position: [120.12416, 30.34111],
      cameraId: 'cam-grand-01',
      reachId: 'grand-canal-gouzhuang',
      confidence: 1,
      evidenceRef: 'evidence://cam-grand-01/clip-1',
      source: 'cams',
    });
  });

  it.each([
    [{ ...event, faceImage: 'x.jpg' }, 'faceImage: looks like a face or personal identifier'],
    [{ ...event, meta: { personId: 'p1' } }, 'meta.personId: looks like a face or personal identifier'],
    [
      { ...event, evidenceRef: 'id 330106199001011234' },
      'evidenceRef: value looks like an identity card number',
    ],
    [{ ...event, evidenceRef: 'boat 浙A12345' }, 'evidenceRef: value looks like a vehicle plate'],
    [{ ...event, kind: 'fishing' }, "kind: 'fishing' is not one of"],
    [{ ...event, cameraId: 'cam-nowhere' }, "cameraId: 'cam-nowhere' is not a river camera"],
    [{ ...event, observedAt: NOW + 60_001 }, 'is in the future'],
  ])('rejects %j', (item, reason) => {
    const { events, rejected } = checkRiverEvents(network, [item], NOW, 'cams');
    expect(events).toEqual([]);
    expect(rejected[0]!.reason).toContain(reason);
  });
});
