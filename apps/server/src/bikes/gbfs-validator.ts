import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { GBFS_FILES, type GbfsFile, type GbfsVersion } from '@cbo/contracts';
import { gbfsDocumentSchema } from './gbfs-document-schemas';

/** One thing wrong with a document: its JSON Pointer and what is wrong there. */
export interface GbfsSchemaError {
  path: string;
  message: string;
}

/** Result of {@link validateGbfsDocument}. */
export type GbfsValidation =
  | { ok: true; version: GbfsVersion; declaredVersion: string }
  | { ok: false; kind: 'schema' | 'version'; errors: GbfsSchemaError[] };

const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv, ['date-time', 'uri', 'email']);
const validators = new Map<string, ValidateFunction>();
for (const version of ['2.3', '3.0'] as const) {
  for (const file of GBFS_FILES) {
    const schema = gbfsDocumentSchema(version, file);
    if (schema) validators.set(`${version}/${file}`, ajv.compile(schema));
  }
}

const SUPPORTED = /^(2\.[0-3]|3\.0)$/;

function describe(error: ErrorObject): GbfsSchemaError {
  const path = error.instancePath;
  if (error.keyword === 'required')
    return { path: `${path}/${String(error.params['missingProperty'])}`, message: 'is required' };
  return { path: path === '' ? '/' : path, message: error.message ?? 'is invalid' };
}

/**
 * Validates a GBFS document of `file` against the schema of its version. The version comes from the
 * document's `version`; when the feed's version is known (`feedVersion`), a document of the other major
 * version is a `version` error. Errors carry the JSON Pointer of what is wrong (`/data/stations/3/lat`).
 */
export function validateGbfsDocument(
  document: unknown,
  file: GbfsFile,
  feedVersion: GbfsVersion | null,
): GbfsValidation {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return { ok: false, kind: 'schema', errors: [{ path: '/', message: 'must be a JSON object' }] };
  const declared = (document as { version?: unknown }).version;
  if (typeof declared !== 'string')
    return {
      ok: false,
      kind: 'version',
      errors: [{ path: '/version', message: 'is required (a string: 2.3 or 3.0)' }],
    };
  if (!SUPPORTED.test(declared))
    return {
      ok: false,
      kind: 'version',
      errors: [{ path: '/version', message: `GBFS ${declared} is not read (2.x or 3.0)` }],
    };
  const version: GbfsVersion = declared.startsWith('2.') ? '2.3' : '3.0';
  if (feedVersion !== null && version !== feedVersion)
    return {
      ok: false,
      kind: 'version',
      errors: [
        { path: '/version', message: `document is GBFS ${declared}, the feed is GBFS ${feedVersion}` },
      ],
    };
  const validate = validators.get(`${version}/${file}`);
  if (!validate)
    return {
      ok: false,
      kind: 'version',
      errors: [{ path: '', message: `GBFS ${version} has no ${file} file` }],
    };
  if (validate(document)) return { ok: true, version, declaredVersion: declared };
  return { ok: false, kind: 'schema', errors: (validate.errors ?? []).slice(0, 10).map(describe) };
}
