import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('stores an Argon2id PHC string with 19 MiB, 2 passes, 1 lane and a salt', async () => {
    const phc = await hashPassword('a long enough password');
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(phc).not.toContain('a long enough password');
  });

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const phc = await hashPassword('a long enough password');
    expect(await verifyPassword(phc, 'a long enough password')).toBe(true);
    expect(await verifyPassword(phc, 'a long enough passworD')).toBe(false);
  });

  it('answers false for an unknown user (null hash) and for a malformed hash', async () => {
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    expect(await verifyPassword('not a phc string', 'anything at all')).toBe(false);
  });
});
