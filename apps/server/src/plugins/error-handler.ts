import { STATUS_CODES } from 'node:http';
import fp from 'fastify-plugin';
import type { FastifyError, FastifyRequest } from 'fastify';
import {
  BadRequestError,
  BodyTooLargeError,
  InternalError,
  RouteNotFoundError,
  UnsupportedMediaTypeError,
} from '../errors';

/** Body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
}

const ACCEPTED_INGEST_TYPES = 'application/json or application/x-ndjson';

/** Maps any error to one of ours: our codes pass through, Fastify's client errors get a stable code. */
function toApiError(error: FastifyError, request: FastifyRequest): FastifyError {
  if (error.code?.startsWith('CBO_ERR_')) return error;
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new UnsupportedMediaTypeError(request.headers['content-type'] ?? '(none)', ACCEPTED_INGEST_TYPES);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new BodyTooLargeError(request.routeOptions.bodyLimit);
  const statusCode = error.statusCode ?? 500;
  if (error.validation || (statusCode >= 400 && statusCode < 500)) return new BadRequestError(error.message);
  return new InternalError();
}

/** The app's one error handler and not-found handler. A 5xx is logged in full and answered without details. */
export const errorHandlerPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const apiError = toApiError(error, request);
      const statusCode = apiError.statusCode ?? 500;
      if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: apiError.code, message: apiError.message }, 'request rejected');
      const body: ErrorBody = {
        statusCode,
        code: apiError.code,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: apiError.message,
      };
      return reply.code(statusCode).send(body);
    });
    app.setNotFoundHandler((request, reply) => {
      const error = new RouteNotFoundError(request.method, request.url);
      const body: ErrorBody = {
        statusCode: 404,
        code: error.code,
        error: 'Not Found',
        message: error.message,
      };
      return reply.code(404).send(body);
    });
  },
  { name: 'cbo-error-handler' },
);
