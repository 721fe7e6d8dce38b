import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { GBFS_FILES, type GbfsFile } from '@cbo/contracts';
import { describe, expect, it } from 'vitest';
import { resolveConfigPath } from '../config';
import { validateGbfsDocument } from './gbfs-validator';

/** Outside check only: the official schemas and fixtures are read from ../shared by the tests, never at run time. */
const CONFORMANCE = resolveConfigPath('../shared/conformance/gbfs');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const ours = new Set<string>(GBFS_FILES);

const fixtures = (['v2.3', 'v3.0'] as const).flatMap((version) =>
  readdirSync(`${CONFORMANCE}/fixtures/${version}`).map((name) => ({
    version,
    file: name.replace('.json', ''),
  })),
);

describe('official GBFS fixtures', () => {
  it('are 25, and every one passes its official schema with Ajv 8 and ajv-formats', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const failures = fixtures.filter(({ version, file }) => {
      const validate = ajv.compile(readJson(`${CONFORMANCE}/schemas/${version}/${file}.json`) as object);
      return !validate(readJson(`${CONFORMANCE}/fixtures/${version}/${file}.json`));
    });
    expect(fixtures).toHaveLength(25);
    expect(failures).toEqual([]);
  });

  it.each(fixtures.filter((f) => ours.has(f.file)))(
    '$version/$file passes our own schema',
    ({ version, file }) => {
      const result = validateGbfsDocument(
        readJson(`${CONFORMANCE}/fixtures/${version}/${file}.json`),
        file as GbfsFile,
        null,
      );
      expect(result).toMatchObject({ ok: true, version: version.slice(1) });
    },
  );
});

describe('validateGbfsDocument', () => {
  const stationStatus = () =>
    readJson(`${CONFORMANCE}/fixtures/v2.3/station_status.json`) as {
      data: { stations: Record<string, unknown>[] };
    };

  it('names the JSON path of a negative count', () => {
    const doc = stationStatus();
    doc.data.stations[1]!['num_bikes_available'] = -2;
    expect(validateGbfsDocument(doc, 'station_status', '2.3')).toEqual({
      ok: false,
      kind: 'schema',
      errors: [{ path: '/data/stations/1/num_bikes_available', message: 'must be >= 0' }],
    });
  });

  it('names a missing required field', () => {
    const doc = stationStatus();
    delete doc.data.stations[0]!['is_renting'];
    expect(validateGbfsDocument(doc, 'station_status', '2.3')).toMatchObject({
      ok: false,
      errors: [{ path: '/data/stations/0/is_renting', message: 'is required' }],
    });
  });

  it('rejects a 3.0 document in a 2.3 feed as a version error', () => {
    const doc = readJson(`${CONFORMANCE}/fixtures/v3.0/station_status.json`);
    expect(validateGbfsDocument(doc, 'station_status', '2.3')).toMatchObject({ ok: false, kind: 'version' });
  });

  it('rejects an unsupported version', () => {
    expect(
      validateGbfsDocument({ version: '1.1', ttl: 0, last_updated: 0, data: {} }, 'gbfs', null),
    ).toMatchObject({
      ok: false,
      kind: 'version',
      errors: [{ path: '/version' }],
    });
  });

  it('rejects a 2.3 timestamp where 3.0 needs RFC 3339', () => {
    const doc = readJson(`${CONFORMANCE}/fixtures/v3.0/station_status.json`) as { last_updated: unknown };
    doc.last_updated = 1_700_000_000;
    expect(validateGbfsDocument(doc, 'station_status', '3.0')).toMatchObject({
      ok: false,
      errors: [{ path: '/last_updated' }],
    });
  });
});
