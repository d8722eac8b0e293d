import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions, in depth:
 * 1. the cookie is SameSite=Lax, so browsers do not send it on cross-site POSTs;
 * 2. a state-changing request whose Sec-Fetch-Site says cross-site, or whose Origin is not this host, is refused;
 * 3. the API accepts only JSON bodies (and multipart on upload routes), which a plain HTML form cannot send
 *    without a CORS preflight that this server never grants.
 */
export function installCsrfDefence(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (SAFE.has(req.method) || !req.url.startsWith('/api/')) return;
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site') throw new AppError('CSRF_REJECTED');
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        throw new AppError('CSRF_REJECTED');
      }
      if (host !== req.headers.host) throw new AppError('CSRF_REJECTED');
    } else if (origin === 'null') {
      throw new AppError('CSRF_REJECTED');
    }
  });
}
