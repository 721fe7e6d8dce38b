import { Type, type Static } from '@sinclair/typebox';
import { EpochMsSchema } from './units';

/**
 * Roles, from most to least powerful: `admin` manages users, wall tokens, ingest keys and reads the audit log;
 * `officer` handles alerts and cases; `analyst` reads history, replays and exports; `wall` is a read-only kiosk
 * screen signed in with a token bound to its screen name.
 */
export const ROLES = ['admin', 'officer', 'analyst', 'wall'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)));

/** What kind of credential an actor signed in with. */
export const ACTOR_KINDS = ['user', 'wall'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * Who is acting: a signed-in user (`id` is the user id, `name` the username) or a wall kiosk (`id` is
 * `wall:<token id>`, `name` the screen name, role `wall`).
 */
export const ActorSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  name: Type.String({ minLength: 1 }),
  role: RoleSchema,
  kind: Type.Union(ACTOR_KINDS.map((kind) => Type.Literal(kind))),
});
export type Actor = Static<typeof ActorSchema>;

/** Usernames: lower-case letters, digits, dot, dash, underscore; 3-32 characters. Not a real name. */
export const UsernameSchema = Type.String({ pattern: '^[a-z0-9._-]{3,32}$' });
/** Passwords: 12-256 characters (length beats composition rules). */
export const PasswordSchema = Type.String({ minLength: 12, maxLength: 256 });

/** `POST /api/v1/auth/sign-in` body. */
export const SignInRequestSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type SignInRequest = Static<typeof SignInRequestSchema>;

/** `POST /api/v1/auth/wall-sign-in` body: the token a wall got in its URL (`/wall?token=...`). */
export const WallSignInRequestSchema = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
export type WallSignInRequest = Static<typeof WallSignInRequestSchema>;

/** `GET /api/v1/auth/me` and the answer of a successful sign-in. */
export const SessionInfoSchema = Type.Object({
  actor: ActorSchema,
  /** When the session (or, for a wall, nothing: null) expires. */
  expiresAt: Type.Union([EpochMsSchema, Type.Null()]),
});
export type SessionInfo = Static<typeof SessionInfoSchema>;

/** A user as admins see it. No password hash, no personal data beyond the chosen username. */
export const UserSchema = Type.Object({
  id: Type.String(),
  username: UsernameSchema,
  role: RoleSchema,
  disabled: Type.Boolean(),
  createdAt: EpochMsSchema,
  lastSignInAt: Type.Union([EpochMsSchema, Type.Null()]),
});
export type User = Static<typeof UserSchema>;
export const UserListSchema = Type.Array(UserSchema);

/** Roles a user account may have (walls sign in with tokens, not accounts). */
export const USER_ROLES = ['admin', 'officer', 'analyst'] as const;
export const UserRoleSchema = Type.Union(USER_ROLES.map((role) => Type.Literal(role)));

/** `POST /api/v1/admin/users` body. */
export const CreateUserRequestSchema = Type.Object(
  { username: UsernameSchema, password: PasswordSchema, role: UserRoleSchema },
  { additionalProperties: false },
);
export type CreateUserRequest = Static<typeof CreateUserRequestSchema>;

/** `PATCH /api/v1/admin/users/:id` body: any of role, password, disabled. */
export const UpdateUserRequestSchema = Type.Object(
  {
    role: Type.Optional(UserRoleSchema),
    password: Type.Optional(PasswordSchema),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserRequest = Static<typeof UpdateUserRequestSchema>;

/** Screen names of walls: 1-64 characters, e.g. `main-hall-left`. */
export const ScreenNameSchema = Type.String({ pattern: '^[A-Za-z0-9._ -]{1,64}$' });

/** A wall kiosk token as admins see it (never the token itself after issue). */
export const WallTokenSchema = Type.Object({
  id: Type.String(),
  screenName: ScreenNameSchema,
  createdAt: EpochMsSchema,
  createdBy: Type.String(),
  lastUsedAt: Type.Union([EpochMsSchema, Type.Null()]),
  revokedAt: Type.Union([EpochMsSchema, Type.Null()]),
});
export type WallToken = Static<typeof WallTokenSchema>;
export const WallTokenListSchema = Type.Array(WallTokenSchema);

export const IssueWallTokenRequestSchema = Type.Object(
  { screenName: ScreenNameSchema },
  { additionalProperties: false },
);
export type IssueWallTokenRequest = Static<typeof IssueWallTokenRequestSchema>;

/** Answer of issuing a wall token: the secret is shown once, with the URL a wall opens. */
export const IssuedWallTokenSchema = Type.Object({
  wallToken: WallTokenSchema,
  token: Type.String(),
  url: Type.String(),
});
export type IssuedWallToken = Static<typeof IssuedWallTokenSchema>;

/** Feeds an ingest key may write (one route per feed under `/api/v1/ingest/<feed>`). */
export const INGEST_FEEDS = ['traffic', 'rivers', 'bikes'] as const;
export type IngestFeed = (typeof INGEST_FEEDS)[number];
export const IngestFeedSchema = Type.Union(INGEST_FEEDS.map((feed) => Type.Literal(feed)));

/** Source names of ingest keys: what feed health and the store record as the observation's source. */
export const SourceNameSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,47}$' });

/** One ingest key as admins see it: its public prefix, never the secret or its hash. */
export const IngestKeySchema = Type.Object({
  id: Type.String(),
  source: SourceNameSchema,
  feeds: Type.Array(IngestFeedSchema, { minItems: 1 }),
  /** First characters of the key, to tell keys apart in logs and screens. */
  prefix: Type.String(),
  createdAt: EpochMsSchema,
  createdBy: Type.String(),
  lastUsedAt: Type.Union([EpochMsSchema, Type.Null()]),
  /** Set on the old key by a rotation: it stays valid until then. */
  expiresAt: Type.Union([EpochMsSchema, Type.Null()]),
  revokedAt: Type.Union([EpochMsSchema, Type.Null()]),
});
export type IngestKey = Static<typeof IngestKeySchema>;
export const IngestKeyListSchema = Type.Array(IngestKeySchema);

export const CreateIngestKeyRequestSchema = Type.Object(
  { source: SourceNameSchema, feeds: Type.Array(IngestFeedSchema, { minItems: 1, uniqueItems: true }) },
  { additionalProperties: false },
);
export type CreateIngestKeyRequest = Static<typeof CreateIngestKeyRequestSchema>;

/** `POST /api/v1/admin/ingest-keys/:id/rotate` body: how long the old key stays valid (default one day). */
export const RotateIngestKeyRequestSchema = Type.Object(
  { graceS: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 * 86_400 })) },
  { additionalProperties: false },
);
export type RotateIngestKeyRequest = Static<typeof RotateIngestKeyRequestSchema>;

/** Answer of creating or rotating a key: the secret is shown once. */
export const IssuedIngestKeySchema = Type.Object({ ingestKey: IngestKeySchema, key: Type.String() });
export type IssuedIngestKey = Static<typeof IssuedIngestKeySchema>;

/** Kinds of audited actions. Other parts record theirs with `app.audit.record`. */
export const AUDIT_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.sign-out',
  'user.create',
  'user.update',
  'wall-token.issue',
  'wall-token.revoke',
  'ingest-key.create',
  'ingest-key.rotate',
  'ingest-key.revoke',
  'case.action',
  'rule.change',
  'export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AuditActionSchema = Type.Union(AUDIT_ACTIONS.map((action) => Type.Literal(action)));

/** One audit log entry: append-only, never updated or deleted through the app. */
export const AuditEntrySchema = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  at: EpochMsSchema,
  action: AuditActionSchema,
  /** Actor id, or null when nobody was signed in (e.g. a failed sign-in). */
  actorId: Type.Union([Type.String(), Type.Null()]),
  /** Actor name, or for a failed sign-in the username tried (truncated). */
  actorName: Type.String(),
  actorRole: Type.Union([RoleSchema, Type.Null()]),
  /** Source IP address of the request. */
  sourceAddress: Type.String(),
  /** What was acted on, e.g. a user id, case id, rule id, export name. */
  target: Type.String(),
  /** Short machine-readable detail; never a secret. */
  detail: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

/** `GET /api/v1/admin/audit` query. */
export const AuditQuerySchema = Type.Object(
  {
    beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    action: Type.Optional(AuditActionSchema),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuerySchema>;
export const AuditPageSchema = Type.Object({ entries: Type.Array(AuditEntrySchema) });
export type AuditPage = Static<typeof AuditPageSchema>;

/** Payload of the socket event `auth:denied`: a client event refused (role or payload). */
export const SocketDeniedSchema = Type.Object({ event: Type.String(), code: Type.String() });
export type SocketDenied = Static<typeof SocketDeniedSchema>;
