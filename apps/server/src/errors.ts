import createError from '@fastify/error';

/**
 * Every error the HTTP API answers with, each with a stable code. Clients branch on `code`, never on `message`.
 */
export const UnsupportedMediaTypeError = createError<[string, string]>(
  'CBO_ERR_UNSUPPORTED_MEDIA_TYPE',
  "Content type '%s' is not accepted here; send %s",
  415,
);
export const MalformedJsonError = createError<[string]>(
  'CBO_ERR_MALFORMED_JSON',
  'Body is not valid JSON: %s',
  400,
);
export const BodyNotArrayError = createError<[string]>(
  'CBO_ERR_BODY_NOT_ARRAY',
  'Body must be a JSON array of observations, got %s',
  400,
);
export const BodyTooLargeError = createError<[number]>(
  'CBO_ERR_BODY_TOO_LARGE',
  'Body is larger than the limit of %d bytes; split it into smaller batches',
  413,
);
export const BadRequestError = createError<[string]>('CBO_ERR_BAD_REQUEST', '%s', 400);
export const RouteNotFoundError = createError<[string, string]>('CBO_ERR_NOT_FOUND', 'No route %s %s', 404);
export const WebNotBuiltError = createError<[string]>(
  'CBO_ERR_WEB_NOT_BUILT',
  'The web app is not built (no index.html in %s); run `pnpm build` first',
  503,
);
export const InternalError = createError('CBO_ERR_INTERNAL', 'Internal server error', 500);
