import fp from 'fastify-plugin';

/**
 * Content Security Policy: only this origin, no inline or evaluated script. What MapLibre and deck.gl need
 * offline is allowed and nothing more: blob: workers (MapLibre's worker bundle), data:/blob: images (sprites,
 * canvas read-back), inline style attributes (MapLibre, ECharts and React position elements with them; style
 * elements and sheets still only from this origin). `connect-src 'self'` covers same-origin ws:/wss: (CSP 3).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Features no screen uses, switched off for the page and anything it could embed. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/**
 * Adds security headers to every response: CSP, no sniffing, no referrer, no framing, isolation from other
 * origins' windows, HSTS over https, and `no-store` on API answers that did not set their own caching (they may
 * carry a one-time secret or personal session data).
 */
export const securityHeadersPlugin = fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'DENY');
      reply.header('cross-origin-opener-policy', 'same-origin');
      reply.header('cross-origin-resource-policy', 'same-origin');
      reply.header('permissions-policy', PERMISSIONS_POLICY);
      if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }
      return payload;
    });
  },
  { name: 'cbo-security-headers' },
);
