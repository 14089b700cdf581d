/**
 * Fetch a PDF's bytes for the viewer, and say why when that fails: http(s) with fetch (cookies go
 * along, as when the browser opens it), file: with XMLHttpRequest, the only API that can, when the
 * browser allows. Cost: the whole file, held in memory once (pdf.js takes it over).
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
