/**
 * The reader's own glossary: their terms (term, aliases, definition, optional source link and
 * note) and private notes on bundled entries, in one versioned item (`local:my-glossary`), apart
 * from the settings so pages never receive it. Validation says, in one sentence, what is wrong.
 * Cost: one read per change. Must never: store a term that takes a glossary form, or lose the
 * earlier list when a write fails (the storage write is whole or nothing).
 */
import { storage } from 'wxt/utils/storage';
import { ENTRY_ID } from './settings';

export interface UserTerm {
  term: string;
  aliases?: string[];
  definition: string;
  /** A link to where the term comes from (http or https). */
  source?: string;
  note?: string;
}

export interface MyGlossary {
  userTerms: UserTerm[];
  /** Glossary entry id -> the reader's note on it. */
  notes: Record<string, string>;
}

export const MAX_USER_TERMS = 5_000;
export const MAX_TERM_CHARS = 100;
export const MAX_ALIASES = 20;
export const MAX_DEFINITION_CHARS = 1_000;
export const MAX_NOTE_CHARS = 1_000;
export const MAX_NOTES = 5_000;

export const EMPTY_GLOSSARY: Readonly<MyGlossary> = Object.freeze({ userTerms: [], notes: {} });

export const MY_GLOSSARY_KEY = 'my-glossary';
export const myGlossaryItem = storage.defineItem<unknown>(`local:${MY_GLOSSARY_KEY}`, { fallback: null, version: 1 });

/** The id of a user term: "user:" and its slug. */
export function userTermId(term: string): string {
  const slug = term
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `user:${slug || 'term'}`;
}

/** A form as the matcher compares it (case and spacing aside). */
export const formKey = (form: string): string => form.trim().replace(/\s+/g, ' ').toLowerCase();

/** The forms of the bundled glossary, by key, with the entry that owns each (for the collision message). */
export type BundledForms = ReadonlyMap<string, string>;

const clean = (s: unknown): string => (typeof s === 'string' ? s.trim().replace(/\s+/g, ' ') : '');
const isLink = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

/**
 * A user term from what a reader typed or a file held, or the reason it cannot be one. `others`:
 * the reader's other terms (an edited term leaves itself out).
 */
export function checkUserTerm(raw: unknown, bundled: BundledForms, others: readonly UserTerm[]): UserTerm | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'a term must be an object with a term and a definition';
  const r = raw as Record<string, unknown>;
  const term = clean(r.term);
  const definition = typeof r.definition === 'string' ? r.definition.trim() : '';
  if (!term) return 'the term is empty';
  if (term.length > MAX_TERM_CHARS) return `"${term.slice(0, 40)}…" is longer than ${MAX_TERM_CHARS} characters`;
  if (!definition) return `"${term}" has no definition`;
  if (definition.length > MAX_DEFINITION_CHARS) return `the definition of "${term}" is longer than ${MAX_DEFINITION_CHARS} characters`;
  if (r.aliases !== undefined && !Array.isArray(r.aliases)) return `the aliases of "${term}" are not a list`;
  const aliases = [...new Set(((r.aliases as unknown[] | undefined) ?? []).map(clean).filter(Boolean))].filter(
    (a) => formKey(a) !== formKey(term),
  );
  if (aliases.length > MAX_ALIASES) return `"${term}" has more than ${MAX_ALIASES} aliases`;
  if (aliases.some((a) => a.length > MAX_TERM_CHARS)) return `an alias of "${term}" is longer than ${MAX_TERM_CHARS} characters`;
  const source = clean(r.source);
  if (source && !isLink(source)) return `the source of "${term}" is not a web address (http or https)`;
  const note = typeof r.note === 'string' ? r.note.trim() : '';
  if (note.length > MAX_NOTE_CHARS) return `the note on "${term}" is longer than ${MAX_NOTE_CHARS} characters`;
  for (const form of [term, ...aliases]) {
    const owner = bundled.get(formKey(form));
    if (owner) return `"${form}" is already a form of the glossary entry "${owner}"`;
    const mine = others.find((o) => [o.term, ...(o.aliases ?? [])].some((f) => formKey(f) === formKey(form)));
    if (mine) return `"${form}" is already a form of your term "${mine.term}"`;
  }
  return { term, ...(aliases.length ? { aliases } : {}), definition, ...(source ? { source } : {}), ...(note ? { note } : {}) };
}

/** The reader's notes, or the reason they cannot be: keys must be glossary entries. */
export function checkNotes(raw: unknown, isEntryId: (id: string) => boolean): Record<string, string> | string {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'the notes are not an object of entry ids and texts';
  const out: Record<string, string> = {};
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > MAX_NOTES) return `there are more than ${MAX_NOTES} notes`;
  for (const [id, text] of entries) {
    if (!ENTRY_ID.test(id) || !isEntryId(id)) return `a note is on "${id}", which is not an entry of this glossary`;
    if (typeof text !== 'string' || text.trim().length > MAX_NOTE_CHARS)
      return `the note on "${id}" is not a text of at most ${MAX_NOTE_CHARS} characters`;
    if (text.trim()) out[id] = text.trim();
  }
  return out;
}

/**
 * A stored value as the reader's glossary: terms that are no longer valid (an older version, a
 * hand edit) are dropped with a console note; nothing is checked against the bundled forms here.
 */
export function sanitizeMyGlossary(raw: unknown): MyGlossary {
  if (typeof raw !== 'object' || raw === null) return { userTerms: [], notes: {} };
  const r = raw as Record<string, unknown>;
  const userTerms: UserTerm[] = [];
  let dropped = 0;
  for (const t of Array.isArray(r.userTerms) ? r.userTerms.slice(0, MAX_USER_TERMS) : []) {
    const ok = checkUserTerm(t, new Map(), userTerms);
    if (typeof ok === 'string') dropped++;
    else userTerms.push(ok);
  }
  const notes = checkNotes(r.notes, () => true);
  if (dropped || typeof notes === 'string')
    console.warn(
      `Alignment Glossary: repaired your glossary (${dropped} term(s) dropped${typeof notes === 'string' ? '; notes reset' : ''})`,
    );
  return { userTerms, notes: typeof notes === 'string' ? {} : notes };
}

export async function loadMyGlossary(): Promise<MyGlossary> {
  try {
    return sanitizeMyGlossary(await myGlossaryItem.getValue());
  } catch (err) {
    console.warn('Alignment Glossary: could not read your glossary', err);
    return { userTerms: [], notes: {} };
  }
}

// Changes from one page run one after another, so none is lost.
let updates: Promise<unknown> = Promise.resolve();

/**
 * Change the reader's glossary. `change` returns the new value, or a reason it cannot be made;
 * a failed write (the storage quota) leaves the stored value as it was and gives its reason.
 */
export function updateMyGlossary(
  change: (g: MyGlossary) => MyGlossary | string,
): Promise<{ ok: true; value: MyGlossary } | { ok: false; reason: string }> {
  const run = updates.then(async () => {
    const next = change(await loadMyGlossary());
    if (typeof next === 'string') return { ok: false as const, reason: next };
    if (next.userTerms.length > MAX_USER_TERMS)
      return { ok: false as const, reason: `you have ${MAX_USER_TERMS} terms, the most this version keeps` };
    try {
      await myGlossaryItem.setValue(next);
    } catch (err) {
      return { ok: false as const, reason: `the browser refused to store it (${(err as Error).message})` };
    }
    return { ok: true as const, value: next };
  });
  updates = run.catch(() => {});
  return run;
}

/** The bundled glossary's forms (term, aliases, gated aliases), for checkUserTerm. */
export function bundledForms(
  entries: readonly { term: string; aliases: readonly string[]; gatedAliases: readonly string[] }[],
): BundledForms {
  const out = new Map<string, string>();
  for (const e of entries) for (const f of [e.term, ...e.aliases, ...e.gatedAliases]) if (!out.has(formKey(f))) out.set(formKey(f), e.term);
  return out;
}
