/**
 * The dashboard at `/dashboard`: static assets built by the project (plain ES module + CSS + inline SVG charts, no
 * CDN, no bundler), served with explicit content types, `nosniff` and a Content-Security-Policy that allows only this
 * origin. The page signs in with an admin key (exchanged for a JWT at `POST /api/v1/auth/token`) and reads the admin
 * API; it holds no server-side state.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Response } from 'express';
import type { Runtime } from '../runtime';
import { sendError } from '../routes/http-error';

/** The dashboard's Content-Security-Policy: scripts, styles, images and API calls from this origin only. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const ASSETS: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
};

/**
 * Where the assets are: `src/dashboard/public` when running from sources (tests, tsx), `dist/dashboard` in the build
 * (tsup copies them there).
 */
export function dashboardAssetsDir(): string {
  const candidates = [
    fileURLToPath(new URL('./public/', import.meta.url)),
    fileURLToPath(new URL('./dashboard/', import.meta.url)),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) throw new Error(`dashboard assets not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Routes serving the dashboard. */
export function dashboardRoutes(runtime: Runtime): Router {
  const router = Router();
  const dir = dashboardAssetsDir();
  const cache = new Map<string, Buffer>();
  const load = async (name: string): Promise<Buffer> => {
    const cached = cache.get(name);
    if (cached) return cached;
    const content = await readFile(join(dir, name));
    if (runtime.config.NODE_ENV === 'production') cache.set(name, content);
    return content;
  };
  const send = async (response: Response, name: string): Promise<void> => {
    const type = ASSETS[name];
    if (!type) {
      sendError(response, { code: 'NOT_FOUND', message: 'No such dashboard asset.', status: 404 });
      return;
    }
    const content = await load(name);
    response.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', name === 'index.html' ? 'no-store' : 'no-cache');
    response.type(type).send(content);
  };
  router.get('/', (_request, response, next) => {
    send(response, 'index.html').catch(next);
  });
  router.get('/:asset', (request, response, next) => {
    send(response, request.params['asset'] ?? '').catch(next);
  });
  return router;
}
