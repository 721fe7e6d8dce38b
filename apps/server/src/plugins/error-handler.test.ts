import { afterEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { errorHandlerPlugin } from './error-handler';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function appThrowing(error: Error): Promise<FastifyInstance> {
  app = Fastify({ logger: false });
  await app.register(errorHandlerPlugin);
  app.get('/boom', async () => {
    throw error;
  });
  await app.ready();
  return app;
}

describe('errorHandlerPlugin', () => {
  it('answers an unexpected error with a stable code and no details', async () => {
    const target = await appThrowing(new Error('connection to db://admin:secret@host failed'));
    const response = await target.inject('/boom');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      code: 'CBO_ERR_INTERNAL',
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
  });

  it('gives a Fastify client error a stable code and keeps its message', async () => {
    const error = Object.assign(new Error('querystring/limit must be integer'), {
      statusCode: 400,
      validation: [],
    });
    const response = await (await appThrowing(error)).inject('/boom');
    expect(response.json()).toMatchObject({
      statusCode: 400,
      code: 'CBO_ERR_BAD_REQUEST',
      message: 'querystring/limit must be integer',
    });
  });
});
