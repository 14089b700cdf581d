/**
 * The pdf.js worker as the viewer starts it: the missing built-ins first, then pdf.js's worker,
 * which listens on this worker's port. Bundled with the extension (`?worker&url`), never remote.
 */
import './install-polyfills';
import 'pdfjs-dist/build/pdf.worker.mjs';
