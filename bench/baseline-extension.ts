/**
 * The benchmark's baseline extension: a content script that only reads `document.body`, and a
 * blank extension page that marks itself interactive. Written to a temporary folder per run, so
 * the extension's own costs are judged against what any extension pays on the same machine.
 * Must never: do more than the least an extension can do; its figures are the denominators.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BaselineContent = 'read-body' | 'ask-worker' | 'listen-and-read' | 'contract-floor' | 'highlight-on-reply';

/** One pass over the page's text nodes, as the content script's first look reads them. */
const READ_TEXT = `const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const parts = [];
for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.data);
`;

const SCRIPTS: Record<BaselineContent, string> = {
  'read-body': 'void document.body;\n',
  'ask-worker': "void document.body;\nvoid chrome.runtime.sendMessage({ type: 'ping' });\n",
  'listen-and-read': `chrome.runtime.onMessage.addListener(() => undefined);
${READ_TEXT}globalThis.pageText = parts.join('');
`,
  'contract-floor': `(async () => {
  chrome.runtime.onMessage.addListener(() => undefined);
  await chrome.runtime.sendMessage({ type: 'settings' });
${READ_TEXT}  await chrome.runtime.sendMessage({ type: 'match', texts: [parts.join('')], lengths: [parts.map((p) => p.length)] });
})();
`,
  'highlight-on-reply': `(async () => {
  const reply = chrome.runtime.sendMessage({ type: 'settings' });
  await new Promise((r) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', r, { once: true }) : r()));
  await reply;
  const text = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT).nextNode();
  if (!text) return;
  const range = document.createRange();
  range.selectNodeContents(text);
  CSS.highlights.set('alignment-glossary-floor', new Highlight(range));
})();
`,
};

/**
 * `content`: 'read-body', the budget's baseline; or, printed beside the budgets and not judged:
 * - 'ask-worker': one message to the service worker, what any messaging extension pays for the
 *   extension API's first use in a page;
 * - 'listen-and-read': a listener for the popup's question and one read of the page's text, with
 *   no message sent: the least any extension that finds terms in a page and answers the popup does;
 * - 'contract-floor': what the message contract asks of any content script that matches in its
 *   worker: a listener for the popup's questions, a message for the settings, and one with the
 *   page's text, read in one pass;
 * - 'highlight-on-reply': asks its worker at document_start and paints one highlight once the
 *   reply is in and the DOM is ready, the least a worker-backed highlighter can do (its
 *   stopped / warm ratio is the platform's part of the cold-start budget).
 */
export function writeBaselineExtension(content: BaselineContent = 'read-body'): string {
  const dir = mkdtempSync(join(tmpdir(), 'agc-baseline-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'Benchmark baseline',
    version: '1.0.0',
    background: { service_worker: 'worker.js' },
    // As the extension's own content script is listed (wxt.config.ts).
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['content.js'],
        run_at: content === 'highlight-on-reply' ? 'document_start' : 'document_idle',
        all_frames: true,
        match_about_blank: true,
      },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'worker.js'), 'chrome.runtime.onMessage.addListener((m, s, reply) => void reply({ ok: true }));\n');
  writeFileSync(join(dir, 'content.js'), SCRIPTS[content]);
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>Blank</title><script src="blank.js"></script>\n');
  writeFileSync(join(dir, 'blank.js'), "performance.mark('popup-interactive');\n");
  return dir;
}
