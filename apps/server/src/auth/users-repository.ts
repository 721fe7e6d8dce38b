import { randomUUID } from 'node:crypto';
import type { Role, User } from '@cbo/contracts';
import type { Database, Row } from '../store/database';
import { hashPassword } from './password-hash';

/** A user with the stored password hash (never leaves the server). */
export interface UserRecord extends User {
  passwordHash: string;
}

/** Changes an admin may make to a user. */
export interface UserChanges {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

/** Users in the store. Usernames are unique; ids are random UUIDs. */
export interface UsersRepository {
  count(): Promise<number>;
  /** Returns null when the username is taken. */
  create(input: { username: string; password: string; role: Role }, now: number): Promise<User | null>;
  findByUsername(username: string): Promise<UserRecord | null>;
  findById(id: string): Promise<UserRecord | null>;
  list(): Promise<User[]>;
  /** Returns the changed user, or null when there is none with this id. */
  update(id: string, changes: UserChanges): Promise<User | null>;
  recordSignIn(id: string, at: number): Promise<void>;
  /** Enabled admins, other than `exceptId`. */
  countActiveAdmins(exceptId?: string): Promise<number>;
}

const COLUMNS = 'id, username, role, password_hash, disabled, created_at_ms, last_sign_in_at_ms';

function toRecord(row: Row): UserRecord {
  return {
    id: String(row['id']),
    username: String(row['username']),
    role: row['role'] as Role,
    disabled: Boolean(row['disabled']),
    createdAt: Number(row['created_at_ms']),
    lastSignInAt: row['last_sign_in_at_ms'] === null ? null : Number(row['last_sign_in_at_ms']),
    passwordHash: String(row['password_hash']),
  };
}

/** Strips the password hash. */
export function toPublicUser({ passwordHash: _hash, ...user }: UserRecord): User {
  return user;
}

/** Users over the embedded store. */
export function createUsersRepository(db: Database): UsersRepository {
  async function findOne(where: string, value: string): Promise<UserRecord | null> {
    const rows = await db.all(`SELECT ${COLUMNS} FROM users WHERE ${where} = $1`, [value]);
    return rows[0] ? toRecord(rows[0]) : null;
  }
  return {
    async count() {
      const rows = await db.all<{ n: number }>('SELECT count(*) AS n FROM users');
      return Number(rows[0]?.n ?? 0);
    },
    async create({ username, password, role }, now) {
      const passwordHash = await hashPassword(password);
      const id = randomUUID();
      const inserted = await db.transaction(async (tx) => {
        const taken = await tx.all('SELECT 1 FROM users WHERE username = $1', [username]);
        if (taken.length > 0) return false;
        await tx.run(`INSERT INTO users (${COLUMNS}) VALUES ($1, $2, $3, $4, false, $5, NULL)`, [
          id,
          username,
          role,
          passwordHash,
          now,
        ]);
        return true;
      });
      if (!inserted) return null;
      return { id, username, role, disabled: false, createdAt: now, lastSignInAt: null };
    },
    findByUsername: (username) => findOne('username', username),
    findById: (id) => findOne('id', id),
    async list() {
      const rows = await db.all(`SELECT ${COLUMNS} FROM users ORDER BY username`);
      return rows.map((row) => toPublicUser(toRecord(row)));
    },
    async update(id, changes) {
      const passwordHash = changes.password === undefined ? null : await hashPassword(changes.password);
      await db.run(
        `UPDATE users SET role = coalesce($2, role), disabled = coalesce($3, disabled),
           password_hash = coalesce($4, password_hash) WHERE id = $1`,
        [id, changes.role ?? null, changes.disabled ?? null, passwordHash],
      );
      const user = await findOne('id', id);
      return user ? toPublicUser(user) : null;
    },
    async recordSignIn(id, at) {
      await db.run('UPDATE users SET last_sign_in_at_ms = $2 WHERE id = $1', [id, at]);
    },
    async countActiveAdmins(exceptId) {
      const rows = await db.all<{ n: number }>(
        "SELECT count(*) AS n FROM users WHERE role = 'admin' AND NOT disabled AND id <> $1",
        [exceptId ?? ''],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
