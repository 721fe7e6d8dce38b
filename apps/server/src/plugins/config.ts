import fp from 'fastify-plugin';
import type { AppConfig } from '../config';

declare module 'fastify' {
  interface FastifyInstance {
    /** Validated configuration (see src/config.ts). */
    config: AppConfig;
  }
}

/** Exposes the validated configuration to every plugin and route. */
export const configPlugin = fp<{ config: AppConfig }>(
  async (app, options) => {
    app.decorate('config', options.config);
  },
  { name: 'cbo-config' },
);
