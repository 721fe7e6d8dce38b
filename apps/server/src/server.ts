import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { loadConfig } from './config';

async function start(): Promise<FastifyInstance> {
  const config = loadConfig();
  const app = await buildApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  return app;
}

let app: FastifyInstance;
try {
  app = await start();
} catch (error) {
  process.stderr.write(`Cannot start the server: ${(error as Error).message}\n`);
  process.exit(1);
}

let closing = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  const forceExit = setTimeout(() => {
    app.log.error({ signal }, 'shutdown took longer than 10 s; exiting');
    process.exit(1);
  }, 10_000);
  forceExit.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'error while closing');
    process.exit(1);
  }
}

process.once('SIGINT', (signal) => void shutdown(signal));
process.once('SIGTERM', (signal) => void shutdown(signal));
