import { describe, expect, it } from 'vitest';
import { classForParameter, waterClass } from './water-class';

describe('classForParameter (GB 3838-2002 Table 1)', () => {
  it.each([
    [7.5, 1],
    [7.49, 2],
    [6, 2],
    [5.99, 3],
    [5, 3],
    [4.99, 4],
    [3, 4],
    [2.99, 5],
    [2, 5],
    [1.99, 6],
  ] as const)(
    'dissolved oxygen %f mg/L is class %i (lower bound, on the limit meets it)',
    (value, expected) => {
      expect(classForParameter('doMgL', value)).toBe(expected);
    },
  );

  it.each([
    [2, 1],
    [2.01, 2],
    [4, 2],
    [4.01, 3],
    [6, 3],
    [6.01, 4],
    [10, 4],
    [10.01, 5],
    [15, 5],
    [15.01, 6],
  ] as const)('permanganate index %f mg/L is class %i', (value, expected) => {
    expect(classForParameter('codMnMgL', value)).toBe(expected);
  });

  it.each([
    [0.15, 1],
    [0.151, 2],
    [0.5, 2],
    [0.501, 3],
    [1, 3],
    [1.001, 4],
    [1.5, 4],
    [1.501, 5],
    [2, 5],
    [2.001, 6],
  ] as const)('ammonia nitrogen %f mg/L is class %i', (value, expected) => {
    expect(classForParameter('nh3nMgL', value)).toBe(expected);
  });

  it.each([
    [0.02, 1],
    [0.021, 2],
    [0.1, 2],
    [0.101, 3],
    [0.2, 3],
    [0.201, 4],
    [0.3, 4],
    [0.301, 5],
    [0.4, 5],
    [0.401, 6],
  ] as const)('river total phosphorus %f mg/L is class %i', (value, expected) => {
    expect(classForParameter('tpMgL', value)).toBe(expected);
  });

  it.each([
    [0.01, 1],
    [0.011, 2],
    [0.025, 2],
    [0.026, 3],
    [0.05, 3],
    [0.051, 4],
    [0.1, 4],
    [0.101, 5],
    [0.2, 5],
    [0.201, 6],
  ] as const)('lake total phosphorus %f mg/L is class %i', (value, expected) => {
    expect(classForParameter('tpMgL', value, { isLake: true })).toBe(expected);
  });

  it('rejects a negative concentration', () => {
    expect(() => classForParameter('nh3nMgL', -0.1)).toThrow(RangeError);
  });
});

describe('waterClass (worst single factor)', () => {
  it('takes the worst parameter: class II everywhere but NH3-N 1.2 gives IV, decided by NH3-N', () => {
    const result = waterClass({ doMgL: 6.5, codMnMgL: 3, nh3nMgL: 1.2, tpMgL: 0.08 });
    expect(result.waterClass).toBe(4);
    expect(result.worstFactors).toEqual(['nh3nMgL']);
  });

  it('reports 劣V (6) when any parameter exceeds class V', () => {
    expect(waterClass({ doMgL: 8, codMnMgL: 1, nh3nMgL: 0.1, tpMgL: 0.45 }).waterClass).toBe(6);
  });

  it('lists every parameter tied at the worst class', () => {
    const result = waterClass({ doMgL: 4, codMnMgL: 8, nh3nMgL: 0.3, tpMgL: 0.05 });
    expect(result.worstFactors).toEqual(['doMgL', 'codMnMgL']);
  });

  it('applies the lake phosphorus limits only when asked: TP 0.08 is II in a river and IV in a lake', () => {
    const sample = { doMgL: 9, codMnMgL: 1, nh3nMgL: 0.1, tpMgL: 0.08 };
    expect(waterClass(sample).waterClass).toBe(2);
    expect(waterClass(sample, { isLake: true }).waterClass).toBe(4);
  });
});
