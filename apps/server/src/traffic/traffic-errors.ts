import createError from '@fastify/error';

/** A traffic area, segment or day the server holds nothing for (404). */
export const TrafficNotFoundError = createError<[string]>('CBO_ERR_TRAFFIC_NOT_FOUND', '%s', 404);
/** A body that is not one of the accepted shapes as a whole (400); items are rejected one by one instead. */
export const TrafficBodyError = createError<[string]>('CBO_ERR_TRAFFIC_BODY', '%s', 400);
