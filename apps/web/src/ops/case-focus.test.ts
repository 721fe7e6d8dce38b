import { describe, expect, it } from 'vitest';
import type { LngLat } from '@cbo/contracts';
import { pathsBounds } from './case-focus';

describe('pathsBounds', () => {
  it('pads a short segment to the minimum span around its centre', () => {
    const path: LngLat[] = [
      [120.1, 30.2],
      [120.104, 30.2],
    ];
    const bounds = pathsBounds([path], 0.01)?.map((v) => Number(v.toFixed(4)));
    expect(bounds).toEqual([120.097, 30.195, 120.107, 30.205]);
  });

  it('gives null without paths', () => {
    expect(pathsBounds([])).toBeNull();
  });
});
