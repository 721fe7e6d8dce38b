import { describe, expect, it } from 'vitest';
import type { RiverEventView, RiverNetworkDocument, RiverNow } from '@cbo/contracts';
import { waterLayerData } from './water-layers';
import { prependEvent } from './use-river-bridge';

const gauge = {
  id: 'g1',
  nameZh: 'g',
  nameEn: 'g',
  position: [120.1, 30.3] as [number, number],
  waterId: 'w',
  riverNameZh: 'r',
  riverNameEn: 'r',
  reachId: 'r1',
  datum: 'wusong' as const,
  normalLevelM: 3,
  setUpLevelM: 3.4,
  warningLevelM: 3.8,
  guaranteedLevelM: 4.3,
  historicMaxLevelM: 4.7,
  catchmentKm2: 10,
};
const network: RiverNetworkDocument = {
  gauges: [gauge],
  stations: [
    {
      id: 's1',
      nameZh: 's',
      nameEn: 's',
      position: [120.2, 30.3],
      waterId: 'w',
      reachId: 'r1',
      targetClass: 3,
      isLake: false,
    },
  ],
  cameras: [],
  reaches: [
    {
      id: 'r1',
      nameZh: 'r',
      nameEn: 'r',
      waterId: 'w',
      line: [
        [120, 30.3],
        [120.3, 30.3],
      ],
      gaugeIds: ['g1'],
      stationIds: ['s1'],
      cameraIds: [],
    },
  ],
};
const at = 1_000_000_000;
const now = {
  computedAt: at,
  gauges: [{ gaugeId: 'g1', colour: 'red' }],
  stations: [{ stationId: 's1', waterClass: 6 }],
  reaches: [{ reachId: 'r1', colour: 'red', waterClass: 6 }],
  floodedSegmentIds: ['seg-1', 'seg-unknown'],
} as unknown as RiverNow;
const event = (id: string, observedAt: number) =>
  ({ id, kind: 'littering', observedAt, position: [120.15, 30.3] }) as unknown as RiverEventView;

describe('waterLayerData', () => {
  it('marks a red gauge by colour, size and four !, and labels a 劣V station', () => {
    const data = waterLayerData(network, now, [], new Map(), () => 'x');
    expect(data.gauges[0]).toMatchObject({ rgb: [235, 64, 52], radiusPx: 12, label: '!!!!' });
    expect(data.stations[0]!.label).toBe('劣V');
    expect(data.reaches[0]).toMatchObject({ rank: 4, rgb: [235, 64, 52] });
  });

  it('draws events of the last 6 h only and the flooded segments it knows', () => {
    const paths = new Map([['seg-1', [[120, 30] as [number, number], [120.01, 30] as [number, number]]]]);
    const data = waterLayerData(
      network,
      now,
      [event('a', at - 6 * 3_600_000), event('b', at - 6 * 3_600_000 - 1)],
      paths,
      (k) => k,
    );
    expect(data.events.map((e) => e.id)).toEqual(['a']);
    expect(data.flooded).toHaveLength(1);
  });

  it('draws gauges grey and unlabelled without indices', () => {
    const data = waterLayerData(network, undefined, [], new Map(), () => 'x');
    expect(data.gauges[0]).toMatchObject({ label: '', radiusPx: 4 });
    expect(data.stations[0]!.label).toBe('–');
  });
});

describe('prependEvent', () => {
  it('puts a new event first and replaces an older copy of it', () => {
    const list = { events: [event('b', 2), event('a', 1)] };
    expect(prependEvent(list, event('a', 1)).events.map((e) => e.id)).toEqual(['a', 'b']);
  });
});
