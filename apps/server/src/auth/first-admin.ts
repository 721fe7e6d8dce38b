import type { UsersRepository } from './users-repository';
import { generatePassword } from './secret-token';

/** How a first-start secret is shown (once): the server prints it to the terminal, tests swallow it. */
export type AnnounceFirstAdmin = (username: string, password: string) => void;

/** Prints the first admin's one-time password to stderr, outside the log (it must never reach a log file). */
export const printFirstAdmin: AnnounceFirstAdmin = (username, password) => {
  const lines = [
    '',
    '================================================================',
    ' First start: an administrator account was created.',
    `   username: ${username}`,
    `   password: ${password}`,
    ' Sign in at /login and change it under /admin. It is not shown again.',
    ' (Set ADMIN_PASSWORD before the first start to choose it instead.)',
    '================================================================',
    '',
  ];
  process.stderr.write(lines.join('\n'));
};

/**
 * Creates the first admin when the store has no user: with `password` when given (ADMIN_PASSWORD), else with a
 * random one-time password that `announce` shows. Never a default password. Returns true when it created one.
 */
export async function ensureFirstAdmin(
  users: UsersRepository,
  options: { username: string; password: string | undefined; announce: AnnounceFirstAdmin; now: number },
): Promise<boolean> {
  if ((await users.count()) > 0) return false;
  const password = options.password ?? generatePassword();
  const created = await users.create({ username: options.username, password, role: 'admin' }, options.now);
  if (created && options.password === undefined) options.announce(options.username, password);
  return created !== null;
}
