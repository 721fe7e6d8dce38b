import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Kinds of bearer secret, each with its own visible prefix so a leaked one is recognised (and scanners find it). */
export const TOKEN_PREFIXES = {
  session: 'cbo_s_',
  wall: 'cbo_wall_',
  ingest: 'cbo_ingest_',
} as const;
export type TokenKind = keyof typeof TOKEN_PREFIXES;

/** Random bytes in every token: 256 bits, so a fast hash is enough to store it (no password stretching). */
const TOKEN_BYTES = 32;

/** A new random token of the given kind, e.g. `cbo_wall_` + 43 base64url characters. */
export function generateToken(kind: TokenKind): string {
  return TOKEN_PREFIXES[kind] + randomBytes(TOKEN_BYTES).toString('base64url');
}

/** SHA-256 of a token, hex: what the store keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when `token` has the shape of a token of `kind` (prefix and length), before any store look-up. */
export function looksLikeToken(token: string, kind: TokenKind): boolean {
  const prefix = TOKEN_PREFIXES[kind];
  return token.startsWith(prefix) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(prefix.length));
}

/** The first characters of a token after its kind prefix: safe to show and log. */
export function tokenDisplayPrefix(token: string, kind: TokenKind): string {
  return token.slice(0, TOKEN_PREFIXES[kind].length + 6);
}

/** A random, readable one-time password (24 base64url characters, 144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Constant-time comparison of two strings of hex or base64url. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
