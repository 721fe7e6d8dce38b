import { describe, expect, it } from 'vitest';
import { diffSpeeds } from './diff-speeds';

describe('diffSpeeds', () => {
  it('reports only changed entries, in ascending order, and remembers them', () => {
    const lastSent = Uint16Array.from([1, 2, 3, 4]);
    const first = diffSpeeds(lastSent, Uint16Array.from([1, 9, 3, 8]));
    expect(Array.from(first.indices)).toEqual([1, 3]);
    expect(Array.from(first.speeds)).toEqual([9, 8]);
    expect(Array.from(lastSent)).toEqual([1, 9, 3, 8]);
    expect(diffSpeeds(lastSent, Uint16Array.from([1, 9, 3, 8])).indices.length).toBe(0);
  });

  it('refuses arrays of different lengths', () => {
    expect(() => diffSpeeds(new Uint16Array(2), new Uint16Array(3))).toThrow(/2 entries, current has 3/);
  });
});
