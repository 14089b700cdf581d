/**
 * The message protocol: every runtime message, its fields and its reply, in one map (`Protocol`);
 * the get-page-terms reply is the public contract (docs/architecture.md). Types only, and a
 * check of the viewer's `target`. Must never: rename or remove a field: tests, benchmarks and
 * pages of an older version read them by name.
 */
import type { Settings } from '../settings/settings';
import type { CardEntry } from '../glossary/display-types';
import type { MatchTextsReply, PageContext } from '../matching/match-texts';
import type { MatchSnapshotReply, SnapshotTexts } from '../matching/match-snapshot';

export interface PageTerm {
  id: string;
  term: string;
  /** All occurrences found. */
  count: number;
  /** Distinct surface texts seen on the page. */
  forms: string[];
  /**
   * 'page' for a term the page defines itself (id "page:<slug>", `term` its long form, `forms`
   * with its acronym); 'user' for one of the reader's own terms (id "user:<slug>"); absent for a
   * glossary entry.
   */
  source?: 'glossary' | 'page' | 'user';
  /** Whether the reader marked the term as known (drawn faintly, or not at all). */
  known?: boolean;
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

/** The stored settings, sanitised by the background (background/settings-relay.ts). */
export interface StoredSettingsReply {
  /** The value under the settings key, repaired where invalid; the defaults when nothing is stored. */
  value: Settings;
}

/** Fields of a message (besides `type`) and its reply, by type. */
export interface Protocol {
  // Popup or background -> a page (its content script, or the PDF viewer by `target`).
  'get-page-terms': { fields: object; reply: PageTermsReport };
  /** Which URL is this page (so no `tabs` permission is needed). */
  'get-page-url': { fields: object; reply: string };
  /** The document's content type (application/pdf in Chromium's own viewer), or 'pdf-viewer'. */
  'get-page-kind': { fields: object; reply: string };
  /** Scroll to an entry's first occurrence and open its card. */
  'reveal-term': { fields: { id: string }; reply: boolean };
  /** Keyboard command: open the next (or previous) term's card; the reply is its entry id. */
  'step-term': { fields: { direction?: 1 | -1 }; reply: string | null };
  /** Open an entry's card at the current selection (context menu). */
  'show-entry': { fields: { id: string }; reply: boolean };
  /** Background -> every content script: the stored settings changed (the new value, sanitised). */
  'stored-settings-changed': { fields: { value: Settings }; reply: void };

  // A page -> the background.
  'get-stored-settings': { fields: object; reply: StoredSettingsReply };
  /** Find the glossary forms in a batch of block texts (matching/match-texts.ts). */
  'match-texts': { fields: { texts: string[] } & Partial<PageContext>; reply: MatchTextsReply };
  /** Match a root's text snapshot: per segment, consecutive text nodes joined, and their lengths (matching/match-snapshot.ts). */
  'match-snapshot': { fields: SnapshotTexts; reply: MatchSnapshotReply };
  /** The card data of one entry (pages ship none). */
  'get-card-entry': { fields: { index: number }; reply: CardEntry | null };
  /** Inject the full page script (page/full) into my frame. */
  'load-page-ui': { fields: object; reply: boolean };
  /** Inject the tooltip UI (page/tooltip) into my frame. */
  'load-tooltip-ui': { fields: object; reply: boolean };
  /** A Chromium without its own `browser` (before 148): inject webextension-polyfill into my frame. */
  'load-browser-api': { fields: object; reply: boolean };
  /** The number of distinct terms changed (for the badge). */
  'term-count': { fields: { count: number }; reply: void };
  /** A card's Mark as known (or its undoing): saved in the settings, which every page then gets. */
  'set-known': { fields: { id: string; known: boolean }; reply: boolean };
  /** Background -> every page: the reader's own terms changed; match the page again. */
  'my-glossary-changed': { fields: object; reply: void };
  /** The popup: the registrable domain a site switch applies to (settings/site-key.ts), or null. */
  'get-site-key': { fields: { url: string }; reply: string | null };
  /** "Add to my glossary" for a selection: open the options page's form with the text in it. */
  'add-to-my-glossary': { fields: { text: string }; reply: boolean };
  /** A glossary card was opened: the history counts it (when on), with the sender's address if asked. */
  'record-lookup': { fields: { id: string }; reply: boolean };
  /** Highlighting on this page is off (or on again after being off): the toolbar icon shows it. */
  'site-state': { fields: { on: boolean }; reply: void };
  /** PDF viewer: this tab shows `file` (so the arXiv option lets the reader go back to the browser's viewer). */
  'viewer-opened': { fields: { file: string }; reply: void };
}

export type MessageType = keyof Protocol;
/** A message of type K (a union of all messages when K is a union). */
export type Message<K extends MessageType = MessageType> = K extends MessageType ? { type: K } & Protocol[K]['fields'] : never;
export type Reply<K extends MessageType> = Protocol[K]['reply'];
/** Send a message and get its typed reply (runtime.sendMessage, or tabs.sendMessage to one tab). */
export type Send = <K extends MessageType>(message: Message<K>) => Promise<Reply<K>>;

/**
 * A receiver's handlers, by type. A handler that returns undefined does not answer (another
 * listener may). `S`: what the receiver knows of the sender.
 */
export type Handlers<S = unknown> = { [K in MessageType]?: (message: Message<K>, sender: S) => Reply<K> | Promise<Reply<K>> | undefined };

/** Dispatch a received message to its handler; undefined (no answer) for a type without one. */
export function handle<S>(handlers: Handlers<S>, message: unknown, sender: S): Promise<unknown> | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
  const handler = handlers[type as MessageType] as (m: unknown, s: S) => unknown;
  const reply = handler(message, sender);
  return reply === undefined ? undefined : Promise.resolve(reply);
}

/** A raw sender as a typed one: the protocol is the one place a reply's type is stated. */
export const typedSend = (send: (message: unknown) => Promise<unknown>): Send => send as Send;

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
