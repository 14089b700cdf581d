/**
 * The message contract between the content script and everything that asks it about the page
 * (popup, background, end-to-end tests, benchmarks). See DESIGN.md, "The contract the tests rely
 * on". Keep it stable: tests and benchmarks read these fields by name.
 */
export interface PageTerm {
  id: string;
  term: string;
  /** All occurrences found. */
  count: number;
  /** Distinct surface texts seen on the page. */
  forms: string[];
}

export interface PageTermsReport {
  status: 'scanning' | 'done' | 'disabled';
  /** Text characters examined. */
  scannedChars: number;
  /** Main-thread milliseconds the scan and painting took. */
  scanMs: number;
  /** In order of first appearance. */
  terms: PageTerm[];
  /** The entry whose tooltip is open now. */
  openTooltip: { id: string } | null;
}

export interface GetPageTermsMessage {
  type: 'get-page-terms';
}

export const isGetPageTerms = (m: unknown): m is GetPageTermsMessage =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'get-page-terms';
