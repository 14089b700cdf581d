/**
 * Download: save text the reader asked for as a file, through a blob URL and a link (no
 * `downloads` permission). Cost: one blob per click. Must never: send the text anywhere; the
 * blob URL is local to this page and revoked once the download has started.
 */
export function downloadText(doc: Document, filename: string, text: string, type: string): void {
  const win = doc.defaultView!;
  const url = win.URL.createObjectURL(new win.Blob([text], { type: `${type};charset=utf-8` }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  win.setTimeout(() => win.URL.revokeObjectURL(url), 1000);
}
