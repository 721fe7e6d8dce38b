import { assembleRiverNetwork } from '@cbo/city';
import type { RiverNetwork } from '@cbo/city';
import type { Gauge } from '@cbo/contracts';

/** A one-reach test network: one canal gauge (45 km²), one class-IV station and one camera. */
export function buildTestRiverNetwork(): RiverNetwork {
  const gauge: Gauge = {
    id: 'g1',
    nameZh: '甲',
    nameEn: 'A',
    position: [120.17, 30.27],
    waterId: 'canal',
    riverNameZh: '运河',
    riverNameEn: 'Canal',
    reachId: 'r1',
    datum: 'wusong',
    normalLevelM: 3,
    setUpLevelM: 3.4,
    warningLevelM: 3.8,
    guaranteedLevelM: 4.3,
    historicMaxLevelM: 4.75,
    catchmentKm2: 45,
  };
  return assembleRiverNetwork({
    gauges: [gauge],
    stations: [
      {
        id: 's1',
        nameZh: '站',
        nameEn: 'S',
        position: [120.171, 30.27],
        waterId: 'canal',
        reachId: 'r1',
        targetClass: 4,
        isLake: false,
      },
    ],
    cameras: [
      { id: 'c1', nameZh: '摄', nameEn: 'C', position: [120.172, 30.27], waterId: 'canal', reachId: 'r1' },
    ],
    reaches: [
      {
        id: 'r1',
        nameZh: '段',
        nameEn: 'R',
        waterId: 'canal',
        line: [
          [120.16, 30.27],
          [120.18, 30.27],
        ],
        gaugeIds: ['g1'],
        stationIds: ['s1'],
        cameraIds: ['c1'],
      },
    ],
  });
}
