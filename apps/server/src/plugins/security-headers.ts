import fp from 'fastify-plugin';

/** Content Security Policy compatible with MapLibre and deck.gl (blob workers, data/blob images, inline styles). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Adds baseline security headers to every response. */
export const securityHeadersPlugin = fp(
  async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      return payload;
    });
  },
  { name: 'cbo-security-headers' },
);
