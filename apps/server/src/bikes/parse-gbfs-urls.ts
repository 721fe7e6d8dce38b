import type { GbfsFeedConfig } from './gbfs-poller';

/**
 * Feeds of BIKES_GBFS_URLS: comma-separated `url` or `id=url`. A bare URL gets an id from its host and path
 * (`https://gbfs.example.com/oslo/gbfs.json` -> `gbfs-example-com-oslo`). Duplicate ids get a numeric suffix.
 * @throws TypeError naming an entry that is not an http(s) URL
 */
export function parseGbfsUrls(value: string): GbfsFeedConfig[] {
  const feeds: GbfsFeedConfig[] = [];
  const ids = new Set<string>();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    const named = /^([a-z0-9][a-z0-9._-]{0,47})=(.+)$/.exec(entry);
    const url = named ? named[2]! : entry;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TypeError(`BIKES_GBFS_URLS: '${entry}' is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new TypeError(`BIKES_GBFS_URLS: '${entry}' is not http(s)`);
    const base =
      named?.[1] ??
      `${parsed.hostname}${parsed.pathname.replace(/\/?gbfs(\.json)?$/, '')}`
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    feeds.push({ feedId: id, url: parsed.toString() });
  }
  return feeds;
}
