import { BodyNotArrayError, MalformedJsonError } from '../errors';

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Parses a JSON body that must be an array. Plain `JSON.parse`: items are schema-validated afterwards with
 * `additionalProperties: false`, so a `__proto__` key is rejected there rather than scanned for here.
 * @throws MalformedJsonError (400) or BodyNotArrayError (400)
 */
export function parseJsonArray(body: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new MalformedJsonError((error as Error).message);
  }
  if (!Array.isArray(value)) throw new BodyNotArrayError(describeKind(value));
  return value;
}
