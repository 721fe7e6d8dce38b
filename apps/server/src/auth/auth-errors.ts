import createError from '@fastify/error';

/** Errors of authentication and authorisation; clients branch on `code`. Messages never carry a secret. */
export const UnauthenticatedError = createError(
  'CBO_ERR_UNAUTHENTICATED',
  'Sign in first (no valid session, wall token or key)',
  401,
);
export const ForbiddenError = createError<[string]>(
  'CBO_ERR_FORBIDDEN',
  'Your role may not do this (allowed: %s)',
  403,
);
export const SignInFailedError = createError('CBO_ERR_SIGN_IN_FAILED', 'Wrong username or password', 401);
export const WallTokenRevokedError = createError(
  'CBO_ERR_WALL_TOKEN_REVOKED',
  'This wall token was revoked; ask an administrator for a new one',
  401,
);
export const IngestKeyInvalidError = createError(
  'CBO_ERR_INGEST_KEY_INVALID',
  'Send a valid ingest key in the x-api-key header (or Authorization: Bearer)',
  401,
);
export const IngestFeedForbiddenError = createError<[string, string]>(
  'CBO_ERR_INGEST_FEED_FORBIDDEN',
  "This key may not write the feed '%s' (it may write: %s)",
  403,
);
export const CrossOriginError = createError(
  'CBO_ERR_CROSS_ORIGIN',
  'Requests from another origin are not accepted',
  403,
);
export const UsernameTakenError = createError<[string]>(
  'CBO_ERR_USERNAME_TAKEN',
  "The username '%s' is taken",
  409,
);
export const LastAdminError = createError(
  'CBO_ERR_LAST_ADMIN',
  'The last active administrator cannot be disabled or demoted',
  409,
);
export const AuthRecordNotFoundError = createError<[string, string]>(
  'CBO_ERR_NOT_FOUND',
  'No %s with id %s',
  404,
);
export const KeyNotActiveError = createError<[string]>(
  'CBO_ERR_KEY_NOT_ACTIVE',
  'The ingest key %s is revoked or expired and cannot be rotated',
  409,
);
export const TooManyRequestsError = createError<[number]>(
  'CBO_ERR_TOO_MANY_REQUESTS',
  'Too many requests; retry in %d s',
  429,
);
