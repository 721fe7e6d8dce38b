import { describe, expect, it } from 'vitest';
import { hashSegmentIds } from './hash-segment-ids';

describe('hashSegmentIds', () => {
  it('is the FNV-1a offset basis for no ids', () => {
    expect(hashSegmentIds([])).toBe(0x811c9dc5);
  });

  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(hashSegmentIds(['a'])).toBe(0xe40c292c);
    expect(hashSegmentIds(['foobar'])).toBe(0xbf9cf968);
  });

  it('joins ids with a newline', () => {
    expect(hashSegmentIds(['foo', 'bar'])).toBe(hashSegmentIds(['foo\nbar']));
  });

  it('depends on the order', () => {
    expect(hashSegmentIds(['a:f:000', 'a:b:000'])).not.toBe(hashSegmentIds(['a:b:000', 'a:f:000']));
  });
});
