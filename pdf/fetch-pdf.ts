/**
 * Fetch a PDF's bytes for the viewer, and say why when that fails.
 *
 * What it does: http(s) URLs are fetched with fetch (the extension's host permission allows the
 * cross-origin read; the user's cookies go along, as when the browser opens the PDF itself);
 * file: URLs are read with XMLHttpRequest, the only API that can read them, and only when the
 * browser lets the extension read local files. The bytes must start like a PDF.
 * Cost: one request for the whole file, held in memory once (pdf.js takes it over).
 * Must never: request anything but the one URL the user asked to open.
 */
import { classifyFetchFailure, looksLikePdf, type Failure } from './load-failure';

export type FetchResult = { ok: true; bytes: Uint8Array } | { ok: false; failure: Failure };

export async function fetchPdf(
  url: string,
  win: Window & typeof globalThis = globalThis as Window & typeof globalThis,
): Promise<FetchResult> {
  let bytes: Uint8Array;
  if (url.startsWith('file:')) {
    const read = await readLocal(url, win);
    if (!read) return { ok: false, failure: classifyFetchFailure(url, null) };
    bytes = read;
  } else {
    let res: Response;
    try {
      res = await win.fetch(url, { credentials: 'include', cache: 'default', redirect: 'follow' });
    } catch {
      return { ok: false, failure: classifyFetchFailure(url, null) };
    }
    if (!res.ok) return { ok: false, failure: classifyFetchFailure(url, res.status) };
    try {
      bytes = new Uint8Array(await res.arrayBuffer());
    } catch {
      return { ok: false, failure: classifyFetchFailure(url, null) };
    }
  }
  if (!looksLikePdf(bytes)) return { ok: false, failure: { kind: 'not-pdf' } };
  return { ok: true, bytes };
}

function readLocal(url: string, win: Window & typeof globalThis): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    const xhr = new win.XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'arraybuffer';
    xhr.onload = () => {
      const ok = (xhr.status === 0 || xhr.status === 200) && xhr.response instanceof ArrayBuffer && xhr.response.byteLength > 0;
      resolve(ok ? new Uint8Array(xhr.response as ArrayBuffer) : null);
    };
    xhr.onerror = () => resolve(null);
    try {
      xhr.send();
    } catch {
      resolve(null);
    }
  });
}
