/**
 * The message contract between the content script and everything that asks it about the page
 * (popup, background, end-to-end tests, benchmarks). See docs/architecture.md, "The contract".
 * Keep it stable: tests and benchmarks read these fields by name.
 */
import type { Settings } from '../settings/settings';

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

/** Popup -> content script: scroll to an entry's first occurrence and open its tooltip. */
export interface RevealTermMessage {
  type: 'reveal-term';
  id: string;
}

/** Popup -> content script: which URL is this page (so no `tabs` permission is needed). */
export interface GetPageUrlMessage {
  type: 'get-page-url';
}

/** Background -> content script: keyboard command, step to the next term and open it. */
export interface StepTermMessage {
  type: 'step-term';
  direction?: 1 | -1;
}

/** Content script -> background: the number of distinct terms changed (for the badge). */
export interface TermCountMessage {
  type: 'term-count';
  count: number;
}

export type ContentMessage =
  GetPageTermsMessage | RevealTermMessage | GetPageUrlMessage | StepTermMessage | ShowEntryMessage | GetPageKindMessage;

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;
const hasType = (m: unknown, type: string) => isObject(m) && (m as { type?: unknown }).type === type;

export const isRevealTerm = (m: unknown): m is RevealTermMessage =>
  hasType(m, 'reveal-term') && typeof (m as { id?: unknown }).id === 'string';
export const isGetPageUrl = (m: unknown): m is GetPageUrlMessage => hasType(m, 'get-page-url');
export const isStepTerm = (m: unknown): m is StepTermMessage => hasType(m, 'step-term');
export const isTermCount = (m: unknown): m is TermCountMessage =>
  hasType(m, 'term-count') && typeof (m as { count?: unknown }).count === 'number';

/** Background -> content script: show an entry's tooltip at the current selection. */
export interface ShowEntryMessage {
  type: 'show-entry';
  id: string;
}
export const isShowEntry = (m: unknown): m is ShowEntryMessage =>
  hasType(m, 'show-entry') && typeof (m as { id?: unknown }).id === 'string';

/** Content script -> background: the card data of one entry (the content script ships none). */
export interface GetCardEntryMessage {
  type: 'get-card-entry';
  index: number;
}
export const isGetCardEntry = (m: unknown): m is GetCardEntryMessage =>
  hasType(m, 'get-card-entry') && Number.isInteger((m as { index?: unknown }).index);

/** Content script -> background: inject the tooltip UI script into my frame. */
export interface LoadTooltipUiMessage {
  type: 'load-tooltip-ui';
}
export const isLoadTooltipUi = (m: unknown): m is LoadTooltipUiMessage => hasType(m, 'load-tooltip-ui');

/**
 * Content script -> background, only in a browser without its own `browser` namespace (Chromium
 * before 148): inject browser-api.js (webextension-polyfill) into my frame. Sent with
 * `chrome.runtime.sendMessage`, the one call that does not go through the polyfill.
 */
export interface LoadBrowserApiMessage {
  type: 'load-browser-api';
}
export const isLoadBrowserApi = (m: unknown): m is LoadBrowserApiMessage => hasType(m, 'load-browser-api');

/**
 * Content script -> background: the stored settings, sanitised by the background
 * (background/settings-relay.ts). Reply: StoredSettingsReply.
 */
export interface GetStoredSettingsMessage {
  type: 'get-stored-settings';
}
export interface StoredSettingsReply {
  /** The value under the settings key, repaired where invalid; the defaults when nothing is stored. */
  value: Settings;
}
export const isGetStoredSettings = (m: unknown): m is GetStoredSettingsMessage => hasType(m, 'get-stored-settings');
export const isStoredSettingsReply = (r: unknown): r is StoredSettingsReply => isObject(r) && isObject((r as { value?: unknown }).value);

/** Background -> every content script: the stored settings changed (the new value, sanitised). */
export interface StoredSettingsChangedMessage {
  type: 'stored-settings-changed';
  value: Settings;
}
export const isStoredSettingsChanged = (m: unknown): m is StoredSettingsChangedMessage =>
  hasType(m, 'stored-settings-changed') && isObject((m as { value?: unknown }).value);

/**
 * Content script -> background: inject the full page script (walker, index, painter: see
 * page/light/light-page.ts) into my frame.
 */
export interface LoadPageUiMessage {
  type: 'load-page-ui';
}
export const isLoadPageUi = (m: unknown): m is LoadPageUiMessage => hasType(m, 'load-page-ui');

/**
 * Content script -> background: find the glossary forms in a batch of block texts. The reply is
 * a MatchTextsReply (matching/match-texts.ts): (block, start, end, terminal) quadruples and the
 * id and name of each entry that occurs.
 */
export interface MatchTextsMessage {
  type: 'match-texts';
  texts: string[];
}
export const isMatchTexts = (m: unknown): m is MatchTextsMessage =>
  hasType(m, 'match-texts') &&
  Array.isArray((m as { texts?: unknown }).texts) &&
  (m as { texts: unknown[] }).texts.every((t) => typeof t === 'string');

/**
 * Content script -> background: match a scan root's text snapshot (page/shared/text-snapshot.ts): per
 * segment, the data of consecutive text nodes. The reply is a MatchSnapshotReply
 * (matching/match-snapshot.ts): (segment, start, end, terminal) quadruples in the joined
 * segments, the id and name of each entry that occurs, and the evidence that decides whether the
 * page must be walked at all.
 */
export interface MatchSnapshotMessage {
  type: 'match-snapshot';
  segments: string[][];
}
export const isMatchSnapshot = (m: unknown): m is MatchSnapshotMessage =>
  hasType(m, 'match-snapshot') &&
  Array.isArray((m as { segments?: unknown }).segments) &&
  (m as { segments: unknown[] }).segments.every((s) => Array.isArray(s) && s.every((t) => typeof t === 'string'));

/**
 * The PDF viewer is an extension page, which `tabs.sendMessage` does not reach: the popup and the
 * background send it the same messages with `runtime.sendMessage`, naming the viewer's tab, so
 * only that viewer answers (with exactly the reply the content script would give).
 */
export interface ViewerTarget {
  tabId: number;
}
export type Targeted<M> = M & { target: ViewerTarget };

export const targetTabOf = (m: unknown): number | null => {
  const target = typeof m === 'object' && m !== null ? (m as { target?: unknown }).target : undefined;
  const tabId = typeof target === 'object' && target !== null ? (target as { tabId?: unknown }).tabId : undefined;
  return typeof tabId === 'number' && Number.isInteger(tabId) ? tabId : null;
};

/** Whether a runtime message is meant for the viewer in tab `tabId`. */
export const isForTab = (m: unknown, tabId: number | null): boolean => tabId !== null && targetTabOf(m) === tabId;

/** Popup -> content script: is this document a PDF (Chromium's own viewer runs our script)? */
export interface GetPageKindMessage {
  type: 'get-page-kind';
}
export const isGetPageKind = (m: unknown): m is GetPageKindMessage => hasType(m, 'get-page-kind');

/** PDF viewer -> background: this tab shows `file` in our viewer (so the arXiv option lets the
 * reader go back to the browser's own viewer of the same PDF). */
export interface ViewerOpenedMessage {
  type: 'viewer-opened';
  file: string;
}
export const isViewerOpened = (m: unknown): m is ViewerOpenedMessage =>
  hasType(m, 'viewer-opened') && typeof (m as { file?: unknown }).file === 'string';
