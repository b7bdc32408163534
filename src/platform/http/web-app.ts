import { statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { pathOf } from './create-http-server.ts';

/** Where `npm run build:web` puts the agent inbox. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Paths the web app never answers: the API, Meta's webhooks and the simulator keep their own 404s. */
const SERVER_PREFIXES = ['/api', '/webhooks', '/simulator', '/health'];

/** Vite names built assets by content hash: a changed file gets a new name, so they can be cached for good. */
const HASHED_ASSETS = '/assets/';

// The app loads nothing from elsewhere: no CDN, no remote fonts or images. Mantine injects <style> tags.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Careline</title>
<style>body{font-family:system-ui,sans-serif;max-width:560px;margin:15vh auto;padding:0 24px;color:#1f2933;line-height:1.5}
code{background:#eef2f1;padding:2px 6px;border-radius:4px}</style></head>
<body><h1>Careline is running</h1>
<p>The web app has not been built yet. Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it first), then reload this page.</p>
<p>The REST API is at <code>/api/v1</code> and answers already.</p></body></html>`;

/**
 * Serves the agent inbox built by Vite: files from `distDir` (hashed assets cached for a year),
 * and index.html for every other GET outside the API, webhooks and simulator, so client-side
 * routes (/inbox/…, /phone) survive a reload. Without a build, a page says how to make one.
 */
export function webAppRoutes(distDir: string = WEB_DIST_DIR): FastifyPluginAsync {
  const root = resolve(distDir);
  return async (app) => {
    // Only the `sendFile` decoration: the route below decides what is served.
    await app.register(fastifyStatic, { serve: false });

    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = decodedPath(pathOf(request));
      if (path === null) return reply.callNotFound();
      if (SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
        return reply.callNotFound();
      }
      if (!isFile(resolve(root, 'index.html'))) {
        return reply
          .code(503)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(NOT_BUILT_PAGE);
      }
      const file = resolve(root, `.${path}`);
      const inside = file.startsWith(`${root}${sep}`);
      if (inside && path !== '/' && isFile(file)) {
        const immutable = path.startsWith(HASHED_ASSETS);
        reply.header(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600, must-revalidate',
        );
        return reply.sendFile(file.slice(root.length + 1), root, { cacheControl: false });
      }
      // A missing file (an old hashed chunk, a typo) is a 404, not the app: HTML in place of a script breaks it.
      if (extname(path) !== '') return reply.callNotFound();
      return sendIndex(reply, root);
    });
  };
}

function sendIndex(reply: FastifyReply, root: string): FastifyReply {
  return reply
    .header('cache-control', 'no-cache')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .sendFile('index.html', root, { cacheControl: false });
}

function decodedPath(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
