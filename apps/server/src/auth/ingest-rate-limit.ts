import type { FastifyRequest } from 'fastify';
import { hashToken } from './secret-token';
import { bearerToken } from './session-cookie';

/** What a route's `config.rateLimit` takes for an ingest route. */
export interface IngestRateLimit {
  max: number;
  timeWindow: number;
  keyGenerator(request: FastifyRequest): string;
}

/**
 * Per-key rate limit of an ingest route: `maxPerMin` requests per minute for each key (the key's hash is the
 * bucket, never the key), or per client address when no key is sent.
 */
export function ingestRateLimit(maxPerMin: number): IngestRateLimit {
  return {
    max: maxPerMin,
    timeWindow: 60_000,
    keyGenerator(request) {
      const header = request.headers['x-api-key'];
      const key =
        (typeof header === 'string' ? header : undefined) ?? bearerToken(request.headers.authorization);
      return key ? `key:${hashToken(key).slice(0, 32)}` : `ip:${request.ip}`;
    },
  };
}
