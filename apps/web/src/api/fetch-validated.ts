import { Value } from '@sinclair/typebox/value';
import type { TSchema, Static } from '@sinclair/typebox';
import { reportAuthRefused } from '../auth/auth-events';

/** A REST answer that did not match its contract. */
export class ContractError extends Error {
  constructor(
    readonly url: string,
    readonly detail: string,
  ) {
    super(`${url}: answer does not match its contract (${detail})`);
    this.name = 'ContractError';
  }
}

/**
 * GETs JSON and checks it against its TypeBox schema from @cbo/contracts.
 *
 * @throws Error on a non-2xx status, ContractError on a body that breaks the contract
 */
export async function fetchValidated<S extends TSchema>(
  url: string,
  schema: S,
  signal?: AbortSignal,
): Promise<Static<S>> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (response.status === 401) {
    const body = (await response.json().catch(() => ({}))) as { code?: unknown };
    reportAuthRefused(typeof body.code === 'string' ? body.code : 'CBO_ERR_UNAUTHENTICATED');
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body: unknown = await response.json();
  if (!Value.Check(schema, body)) {
    const first = Value.Errors(schema, body).First();
    throw new ContractError(url, first ? `${first.path} ${first.message}` : 'invalid');
  }
  return body;
}
