import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { AppConfig, notFound, Public } from '@gesit/platform';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** First path segments that belong to the API: they never fall back to the console. */
const API_PREFIXES = new Set(['graphql', 'graphiql', 'files', 'verify', 'health', 'metrics']);

/** The file under `root` that `path` names, or null when it is outside root or not a file. */
export function consoleFile(root: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * The web console (apps/web, built into WEB_DIR): its files, and its index.html for every other GET
 * path so that the browser's router can show the page. Fastify matches the API's own routes first.
 */
@Public()
@Controller()
export class WebConsoleController {
  constructor(private readonly config: AppConfig) {}

  // Fastify's own wildcard: Nest hands the path to find-my-way as it is.
  @Get('*')
  serve(@Param('*') path: string | undefined, @Res() reply: FastifyReply): FastifyReply {
    const relative = path ?? '';
    if (API_PREFIXES.has(relative.split('/')[0])) throw notFound({ id: `Alamat /${relative}`, en: `The path /${relative}` });
    const root = this.config.webDir;
    const file = relative ? consoleFile(root, relative) : null;
    if (file) {
      // Vite puts a content hash in every name under assets/: those never change.
      const cache = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return reply
        .type(TYPES[extname(file)] ?? 'application/octet-stream')
        .header('cache-control', cache)
        .send(createReadStream(file));
    }
    const index = join(root, 'index.html');
    if (!existsSync(index))
      throw notFound({ id: 'Konsol web (jalankan npm run build:web)', en: 'The web console (run npm run build:web)' });
    return reply.type(TYPES['.html']).header('cache-control', 'no-cache').send(createReadStream(index));
  }
}
