import { describe, expect, it } from 'vitest';
import { parseGbfsUrls } from './parse-gbfs-urls';

describe('parseGbfsUrls', () => {
  it('derives an id from the host and path of a bare URL', () => {
    expect(parseGbfsUrls('https://gbfs.example.com/oslo/gbfs.json')).toEqual([
      { feedId: 'gbfs-example-com-oslo', url: 'https://gbfs.example.com/oslo/gbfs.json' },
    ]);
  });

  it('takes a named id and suffixes duplicates', () => {
    expect(parseGbfsUrls('a=http://x/gbfs.json, a=http://y/gbfs.json').map((f) => f.feedId)).toEqual([
      'a',
      'a-2',
    ]);
  });

  it('is empty for an empty setting', () => {
    expect(parseGbfsUrls('')).toEqual([]);
  });

  it('refuses a URL that is not http(s)', () => {
    expect(() => parseGbfsUrls('file:///etc/passwd')).toThrow(/not http/);
  });
});
