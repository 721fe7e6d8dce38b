import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id parameters: OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane), about 70 ms per hash on one core
 * here. Stored in the PHC string, so raising them later keeps old hashes verifiable.
 */
export const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with Argon2id; the result is a PHC string with salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** A hash of a random password, verified against when the username is unknown so timing does not tell. */
let decoyHash: Promise<string> | null = null;

/**
 * True when `password` matches `phcHash`. With `phcHash` null (unknown user) it still spends the time of one
 * verification and answers false.
 */
export async function verifyPassword(phcHash: string | null, password: string): Promise<boolean> {
  if (phcHash === null) {
    decoyHash ??= hashPassword('decoy password that no account has');
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(phcHash, password);
  } catch {
    return false;
  }
}
