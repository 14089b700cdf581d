/**
 * The benchmark's baseline extension: a content script that only reads `document.body`, and a
 * blank extension page that marks itself interactive. Written to a temporary folder per run, so
 * the extension's own costs are judged against what any extension pays on the same machine.
 * Must never: do more than the least an extension can do; its figures are the denominators.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeBaselineExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agc-baseline-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'Benchmark baseline',
    version: '1.0.0',
    background: { service_worker: 'worker.js' },
    // As the extension's own content script is listed (wxt.config.ts).
    content_scripts: [
      { matches: ['<all_urls>'], js: ['read-body.js'], run_at: 'document_idle', all_frames: true, match_about_blank: true },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'worker.js'), '// The harness waits for a service worker.\n');
  writeFileSync(join(dir, 'read-body.js'), 'void document.body;\n');
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>Blank</title><script src="blank.js"></script>\n');
  writeFileSync(join(dir, 'blank.js'), "performance.mark('popup-interactive');\n");
  return dir;
}
