/**
 * Builds the React fixture for the end-to-end tests: server-renders the app to HTML (as a
 * React site does) and bundles the client that hydrates it, with esbuild, into a folder to serve.
 * Must never: be part of the extension; it exists for tests only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export async function buildReactFixture(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'agc-react-'));
  const entry = resolve('tests/e2e/fixtures/react/app.jsx');
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    outfile: join(dir, 'app.js'),
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'error',
  });
  // Server rendering: the same component and React, bundled for Node into one module.
  const ssr = await build({
    stdin: {
      contents: `import { renderToString } from 'react-dom/server'; import { createElement } from 'react'; import { App } from ${JSON.stringify(entry)}; export const html = renderToString(createElement(App));`,
      resolveDir: resolve('.'),
      loader: 'jsx',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'error',
  });
  const modPath = join(dir, 'ssr.mjs');
  writeFileSync(modPath, ssr.outputFiles[0]!.text);
  const { html } = (await import(modPath)) as { html: string };
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React app</title></head><body><div id="root">${html}</div><script src="app.js"></script></body></html>`,
  );
  return dir;
}
