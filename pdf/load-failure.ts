/**
 * Load failures: why a PDF could not be opened, in words a reader can act on (an i18n title and
 * hint per kind; for file URLs, which browser switch is needed). Cost: a few string tests.
 * Must never: show a raw exception as the only explanation, or guess a cause it cannot know (a
 * failed fetch of a web URL is "could not be downloaded", not "offline").
 */

export type FailureKind = 'no-file' | 'unsupported' | 'not-found' | 'http' | 'network' | 'file-access' | 'not-pdf' | 'password';

export interface Failure {
  kind: FailureKind;
  /** HTTP status, when there was one. */
  status?: number;
}

/** The name pdf.js gives its errors (InvalidPDFException, PasswordException, ...). */
const errorName = (err: unknown): string =>
  typeof err === 'object' && err !== null && typeof (err as { name?: unknown }).name === 'string' ? (err as { name: string }).name : '';

/** A failure before or during download (fetch rejected or an HTTP error status). */
export function classifyFetchFailure(url: string, status: number | null): Failure {
  const isFile = url.startsWith('file:');
  if (status === null) return { kind: isFile ? 'file-access' : 'network' };
  if (status === 404 || status === 410) return { kind: 'not-found', status };
  return { kind: 'http', status };
}

/** A failure of pdf.js to read downloaded bytes. */
export function classifyParseFailure(err: unknown): Failure {
  const name = errorName(err);
  if (name === 'PasswordException') return { kind: 'password' };
  return { kind: 'not-pdf' };
}

/** Whether bytes start like a PDF (%PDF- within the first 1 KiB, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** The title and hint strings (keys in _locales) that explain a failure. */
export function failureMessageKeys(f: Failure, firefox: boolean): { title: string; hint: string } {
  switch (f.kind) {
    case 'no-file':
      return { title: 'viewerErrorNoFile', hint: 'viewerHintNoFile' };
    case 'unsupported':
      return { title: 'viewerErrorUnsupported', hint: 'viewerHintUnsupported' };
    case 'not-found':
      return { title: 'viewerErrorNotFound', hint: 'viewerHintNotFound' };
    case 'http':
      return { title: 'viewerErrorHttp', hint: 'viewerHintHttp' };
    case 'network':
      return { title: 'viewerErrorNetwork', hint: 'viewerHintNetwork' };
    case 'file-access':
      return { title: 'viewerErrorFileAccess', hint: firefox ? 'viewerHintFileAccessFirefox' : 'viewerHintFileAccessChromium' };
    case 'password':
      return { title: 'viewerErrorPassword', hint: 'viewerHintPassword' };
    case 'not-pdf':
      return { title: 'viewerErrorNotPdf', hint: 'viewerHintNotPdf' };
  }
}
