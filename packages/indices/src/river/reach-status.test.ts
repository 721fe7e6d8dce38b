import { describe, expect, it } from 'vitest';
import { assembleRiverNetwork } from '@cbo/city';
import type { Gauge, WaterQualityStation } from '@cbo/contracts';
import { computeReachStatuses } from './reach-status';

const gauge = (id: string, warningLevelM: number): Gauge => ({
  id,
  nameZh: id,
  nameEn: id,
  position: [120, 30],
  waterId: 'w',
  riverNameZh: '河',
  riverNameEn: 'River',
  reachId: 'r1',
  datum: 'wusong',
  normalLevelM: warningLevelM - 0.8,
  setUpLevelM: warningLevelM - 0.4,
  warningLevelM,
  guaranteedLevelM: warningLevelM + 0.5,
  historicMaxLevelM: warningLevelM + 1,
  catchmentKm2: 10,
});
const station = (id: string, targetClass: 3 | 4): WaterQualityStation => ({
  id,
  nameZh: id,
  nameEn: id,
  position: [120, 30],
  waterId: 'w',
  reachId: 'r1',
  targetClass,
  isLake: false,
});
const network = assembleRiverNetwork({
  gauges: [gauge('g1', 4), gauge('g2', 3)],
  stations: [station('s1', 3), station('s2', 4)],
  cameras: [],
  reaches: [
    {
      id: 'r1',
      nameZh: '段',
      nameEn: 'R',
      waterId: 'w',
      line: [
        [120, 30],
        [120.1, 30],
      ],
      gaugeIds: ['g1', 'g2'],
      stationIds: ['s1', 's2'],
      cameraIds: [],
    },
  ],
});
const NOW = 10_000_000;
const good = { doMgL: 7, codMnMgL: 3, nh3nMgL: 0.3, tpMgL: 0.05 }; // class II
const poor = { doMgL: 4, codMnMgL: 3, nh3nMgL: 0.3, tpMgL: 0.05 }; // class IV

describe('computeReachStatuses', () => {
  it('takes the worst gauge colour and the worst station class on the reach', () => {
    const levels = new Map([
      ['g1', { observedAt: NOW, levelM: 4.1 }], // yellow
      ['g2', { observedAt: NOW, levelM: 3.6 }], // orange
    ]);
    const samples = new Map([
      ['s1', { ...poor, observedAt: NOW }],
      ['s2', { ...good, observedAt: NOW }],
    ]);
    const [status] = computeReachStatuses(network, levels, samples, NOW);
    expect(status).toMatchObject({
      colour: 'orange',
      worstGaugeId: 'g2',
      waterClass: 4,
      worstStationId: 's1',
      coverage: 1,
    });
  });

  it('lists only stations worse than their own target: IV at a III-target station', () => {
    const samples = new Map([
      ['s1', { ...poor, observedAt: NOW }],
      ['s2', { ...poor, observedAt: NOW }],
    ]);
    expect(computeReachStatuses(network, new Map(), samples, NOW)[0]!.belowTargetStationIds).toEqual(['s1']);
  });

  it('leaves stale readings out and lowers coverage', () => {
    const levels = new Map([
      ['g1', { observedAt: NOW - 1_800_001, levelM: 6 }],
      ['g2', { observedAt: NOW - 60_000, levelM: 2 }],
    ]);
    const [status] = computeReachStatuses(network, levels, new Map(), NOW);
    expect(status).toMatchObject({
      colour: 'none',
      worstGaugeId: 'g2',
      coverage: 0.25,
      newestAt: NOW - 60_000,
      waterClass: null,
    });
  });

  it('breaks a colour tie by the height over the warning level', () => {
    const levels = new Map([
      ['g1', { observedAt: NOW, levelM: 4.2 }],
      ['g2', { observedAt: NOW, levelM: 3.1 }],
    ]);
    expect(computeReachStatuses(network, levels, new Map(), NOW)[0]!.worstGaugeId).toBe('g1');
  });
});
