import createError from '@fastify/error';

/** Thrown at startup when a river fixture file is missing, unreadable or invalid; names the file or folder. */
export const RiverFixtureError = createError<[string, string]>(
  'CBO_ERR_RIVER_FIXTURE',
  'Cannot load river fixture %s: %s',
  500,
);
/** A gauge, day or event the server holds nothing for (404). */
export const RiverNotFoundError = createError<[string]>('CBO_ERR_RIVER_NOT_FOUND', '%s', 404);
/** A body that is not one of the accepted shapes as a whole (400); items are rejected one by one instead. */
export const RiverBodyError = createError<[string]>('CBO_ERR_RIVER_BODY', '%s', 400);
/** A query parameter that is malformed (400). */
export const RiverQueryError = createError<[string]>('CBO_ERR_RIVER_QUERY', '%s', 400);
