import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Serves a built single-page app from `root` under `mount` ("/admin/"): files as they are,
 * any other path as index.html so client-side routes survive a reload. Hashed assets are cached.
 */
export function serveStatic(root: string, mount: string, fallback = 'index.html') {
  const resolvedRoot = path.resolve(root);
  return (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    if (!fs.existsSync(path.join(resolvedRoot, fallback))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The admin console is not built yet: run `npm run build:admin`.\n');
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(mount.length));
    } catch {
      relative = '';
    }
    let file = path.resolve(resolvedRoot, relative || fallback);
    // Never leave the root, whatever "../" the path holds.
    if (!file.startsWith(resolvedRoot + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(resolvedRoot, fallback);
    }
    const ext = path.extname(file);
    const hashed = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  };
}
