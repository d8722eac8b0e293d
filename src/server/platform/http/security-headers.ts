import type { FastifyInstance } from 'fastify';

/**
 * Security headers, computed once at start and set on every response (a per-request helmet() call re-parsed the
 * policy each time and halved throughput). API responses get a short locked-down policy — JSON is never a
 * document — and pages get the full Content-Security-Policy the web UI needs.
 */
export function installSecurityHeaders(
  app: FastifyInstance,
  opts: { production: boolean; imgSources?: string[] },
): void {
  const common: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-permitted-cross-domain-policies': 'none',
  };
  if (opts.production) common['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  const api = {
    ...common,
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-frame-options': 'DENY',
  };
  const page = {
    ...common,
    // Ant Design injects its CSS-in-JS as <style> elements, hence 'unsafe-inline' for styles only.
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: blob:${opts.imgSources?.length ? ` ${opts.imgSources.join(' ')}` : ''}`,
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      ...(opts.production ? ['upgrade-insecure-requests'] : []),
    ].join('; '),
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), payment=(), usb=()',
  };
  app.addHook('onSend', async (req, reply) => {
    const isApi = req.url.startsWith('/api/') && !req.url.startsWith('/api/docs');
    const headers = isApi ? api : page;
    // The API docs plugin sets its own CSP (with hashes for its scripts); keep it.
    if (reply.hasHeader('content-security-policy')) {
      const { 'content-security-policy': _csp, ...rest } = headers;
      reply.headers(rest);
    } else {
      reply.headers(headers);
    }
  });
}
