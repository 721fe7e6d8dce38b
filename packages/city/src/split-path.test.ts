import { describe, expect, it } from 'vitest';
import { haversineM, pathLengthM } from './haversine-m';
import { splitPath } from './split-path';

describe('haversineM', () => {
  it('measures one degree of latitude as about 111.2 km', () => {
    expect(haversineM([120, 30], [120, 31])).toBeCloseTo(111195, -1);
  });
});

describe('splitPath', () => {
  it('cuts a 2 km line into five pieces of 400 m', () => {
    const end = 2000 / 111195;
    const pieces = splitPath(
      [
        [120, 30],
        [120, 30 + end],
      ],
      400,
    );
    expect(pieces).toHaveLength(5);
    for (const p of pieces) expect(pathLengthM(p)).toBeCloseTo(400, 0);
  });

  it('keeps a short road as one piece', () => {
    expect(
      splitPath(
        [
          [120, 30],
          [120.001, 30],
        ],
        400,
      ),
    ).toHaveLength(1);
  });

  it('keeps the inner vertices and joins pieces end to start', () => {
    const pieces = splitPath(
      [
        [120, 30],
        [120.005, 30],
        [120.005, 30.005],
      ],
      300,
    );
    for (let i = 1; i < pieces.length; i += 1) expect(pieces[i]?.[0]).toEqual(pieces[i - 1]?.at(-1));
    expect(pieces.flat()).toContainEqual([120.005, 30]);
  });
});
