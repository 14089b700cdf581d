/**
 * Static file server for end-to-end tests: serves the shared real pages and our own fixtures on
 * 127.0.0.1 (extension content scripts do not run on file:// URLs without extra permission).
 *
 * Cost: one node:http server per test file. Must never: listen on anything but loopback.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export const SHARED_PAGES = resolve(process.env.SHARED_PAGES ?? '../shared/pages');

export interface StaticServer {
  url(path: string): string;
  close(): Promise<void>;
  server: Server;
}

/** Serve `mounts` (URL prefix -> folder). Extra headers per path prefix allow CSP tests. */
export async function serve(
  mounts: Record<string, string>,
  headers: (path: string) => Record<string, string> = () => ({}),
): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(normalize(dir)) || !existsSync(file) || !statSync(file).isFile()) break;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers(path) });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    server,
    url: (p) => `http://127.0.0.1:${port}${p}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** The terms a reader would want explained on a shared page (one per line). */
export function expectedTerms(name: string): string[] {
  return readFileSync(join(SHARED_PAGES, name.replace(/(\.html)?$/, '.expected.txt')), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Expected terms that no reported form covers. A term counts as found when a form equals it (a
 * plural is fine) or contains it as whole words: the matcher prefers the longest form, so
 * "AI safety" inside "AI safety gridworlds" is marked as part of the longer term.
 */
export function missingExpected(expected: readonly string[], forms: readonly string[]): string[] {
  const lower = forms.map((f) => f.toLowerCase().replace(/[\u2019']/g, "'"));
  return expected.filter((e) => {
    const t = e.toLowerCase();
    const word = new RegExp(`(^|[^\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?($|[^\\p{L}\\p{N}])`, 'u');
    return !lower.some((f) => f === t || f === t + 's' || word.test(f));
  });
}
