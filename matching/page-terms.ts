/**
 * A page's own terms: new definitions in a text (page-definitions.ts) and the uses of every
 * definition known so far, each use taking the nearest definition before it. An acronym of a
 * glossary term is that entry's; a glossary term the page defines keeps its entry, with a note.
 * Cost: one pass per pattern over the text, and one over it per kind of form. Off the page.
 * Must never: count the definition itself as a use, or give a use a definition that comes after it.
 */
import { KEYWORD, terminalEntry, type CompiledMatcher } from './compiled';
import { findMatches, type TextMatch } from './find-matches';
import { findDefinitions, type MarkedPart } from './page-definitions';
import { isPageEntry } from './page-entry';
import { hashString } from './token-hash';

/** A definition the page holds, as it goes back to the matcher with each text. */
export interface KnownDefinition {
  /** The entry whose uses it gives: PAGE_BASE + n for a page term, or a glossary entry's index. */
  i: number;
  term: string;
  acronym?: string;
  /** The same definition read again (a block re-matched alone) is known by this. */
  key: string;
}

/** A definition found in this text, for the page to keep. */
export interface NewDefinition extends KnownDefinition {
  id: string;
  sentence: string;
  /** Where its term stands in the text it was found in: the page checks that is prose, not code or hidden. */
  at: number;
  /** Its uses are a glossary entry's: the long form is a glossary term. */
  glossary: boolean;
}

export interface PageTermsResult {
  /** Definitions new to the page, in text order. */
  defs: NewDefinition[];
  /** Glossary entry index -> how this page defines it ("we define reward hacking as …"), and where. */
  notes: Record<number, [sentence: string, at: number]>;
  /** Uses of page terms (terminal: entry * 2, never gated), in text order. */
  uses: TextMatch[];
}

function keyOf(term: string, acronym: string | undefined, sentence: string): string {
  return (hashString(`${acronym ?? ''}|${term.toLowerCase()}|${sentence}`) >>> 0).toString(36);
}

function slugOf(term: string): string {
  return (
    term
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'term'
  );
}

/** The glossary entry whose form is the whole of `phrase` (KEYWORD for an AI keyword), if any. */
function glossaryEntryOf(m: CompiledMatcher, phrase: string): number | null {
  const [only, ...rest] = findMatches(m, phrase);
  if (!only || rest.length || only.start !== 0 || only.end !== phrase.length) return null;
  return only.terminal === KEYWORD ? KEYWORD : terminalEntry(only.terminal);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{N}])';

/**
 * `known`: the page's definitions so far, oldest first. `nextPage`: the index the next new page
 * term takes. `marks`: the text's marked nodes (page-definitions.ts).
 */
export function pageTermsIn(
  m: CompiledMatcher,
  text: string,
  known: readonly KnownDefinition[],
  nextPage: number,
  marks: readonly MarkedPart[] = [],
): PageTermsResult {
  const defs: NewDefinition[] = [];
  const notes: Record<number, [string, number]> = {};
  // Definitions located in this text: known ones read again, and new ones.
  const here: { def: KnownDefinition; siteStart: number; siteEnd: number }[] = [];
  const all: KnownDefinition[] = [...known];
  const ids = new Set<string>();
  for (const found of findDefinitions(text, marks)) {
    const key = keyOf(found.term, found.acronym, found.sentence);
    const again = all.find((d) => d.key === key);
    if (again) {
      here.push({ def: again, siteStart: found.siteStart, siteEnd: found.siteEnd });
      continue;
    }
    const entry = glossaryEntryOf(m, found.term);
    // "artificial intelligence (AI)", "large language models (LLMs)": words every AI page uses,
    // which the glossary reads as evidence of the topic, are no page term.
    if (entry === KEYWORD || (found.weak && entry === null)) continue;
    if (entry !== null && !found.acronym) {
      notes[entry] ??= [found.sentence, found.start];
      continue;
    }
    if (entry !== null && found.acronym && glossaryEntryOf(m, found.acronym) === entry) continue;
    // The same term defined again ("Definition 3 (Probe drift)", later "Probe Drift (PD)") is
    // the same page term; its acronym then leads to it too.
    const same = entry === null ? all.find((d) => isPageEntry(d.i) && d.term.toLowerCase() === found.term.toLowerCase()) : undefined;
    let id = entry !== null ? m.ids[entry]! : `page:${slugOf(found.term)}`;
    if (same) id = (same as Partial<NewDefinition>).id ?? id;
    else if (entry === null) {
      const base = id;
      for (
        let n = 2;
        ids.has(id) || all.some((d) => (d as Partial<NewDefinition>).id === id || (isPageEntry(d.i) && `page:${slugOf(d.term)}` === id));
        n++
      )
        id = `${base}-${n}`;
    }
    const def: NewDefinition = {
      i: same ? same.i : entry !== null ? entry : nextPage++,
      id,
      term: found.term,
      ...(found.acronym ? { acronym: found.acronym } : {}),
      key,
      sentence: found.sentence,
      at: found.start,
      glossary: entry !== null,
    };
    ids.add(id);
    defs.push(def);
    all.push(def);
    here.push({ def, siteStart: found.siteStart, siteEnd: found.siteEnd });
  }
  return { defs, notes, uses: usesIn(text, all, here) };
}

function usesIn(
  text: string,
  all: readonly KnownDefinition[],
  here: readonly { def: KnownDefinition; siteStart: number; siteEnd: number }[],
): TextMatch[] {
  if (all.length === 0) return [];
  const cased = new Map<string, KnownDefinition[]>();
  const folded = new Map<string, KnownDefinition[]>();
  const add = (map: Map<string, KnownDefinition[]>, k: string, d: KnownDefinition) => map.set(k, [...(map.get(k) ?? []), d]);
  for (const d of all) {
    if (d.acronym) add(cased, d.acronym.replace(/(?<=\p{Lu})s$/u, ''), d);
    // A glossary entry's long form is the glossary's to find.
    if (isPageEntry(d.i)) add(folded, d.term.toLowerCase().replace(/\s+/g, ' '), d);
  }
  const uses: TextMatch[] = [];
  const inSite = (s: number, e: number) => here.some((h) => s < h.siteEnd && h.siteStart < e);
  // A block that is the term alone (a <dt>, a heading) names it; it is not a use in prose.
  const alone = (s: number, e: number) => text.slice(0, s).trim() === '' && /^[\s:]*$/.test(text.slice(e));
  const pick = (candidates: KnownDefinition[], at: number): KnownDefinition | undefined => {
    let best: { def: KnownDefinition; end: number } | undefined;
    for (const h of here)
      if (candidates.includes(h.def) && h.siteEnd <= at && (!best || h.siteEnd > best.end)) best = { def: h.def, end: h.siteEnd };
    if (best) return best.def;
    // Otherwise the latest definition from earlier texts (one located further on here comes after).
    const located = new Set(here.map((h) => h.def));
    return [...candidates].reverse().find((d) => !located.has(d));
  };
  const scan = (map: Map<string, KnownDefinition[]>, flags: string, plural: string) => {
    if (map.size === 0) return;
    const forms = [...map.keys()].sort((a, b) => b.length - a.length).map((f) => escape(f).replace(/ /g, '\\s+'));
    const re = new RegExp(`${EDGE_BEFORE}(?:${forms.join('|')})${plural}${EDGE_AFTER}`, flags);
    for (const x of text.matchAll(re)) {
      const start = x.index;
      let end = start + x[0].length;
      // A possessive is left out of the use, as the glossary's matches leave it out.
      if (/['’]s$/.test(x[0])) end -= 2;
      const surface = text.slice(start, end);
      const k = flags.includes('i') ? surface.toLowerCase().replace(/\s+/g, ' ') : surface;
      const candidates = map.get(k) ?? map.get(k.replace(/s$/, '')) ?? map.get(k.replace(/es$/, ''));
      if (!candidates || inSite(start, end) || alone(start, end)) continue;
      const def = pick(candidates, start);
      if (def) uses.push({ start, end, terminal: def.i * 2 });
    }
  };
  scan(cased, 'gu', "(?:s|['’]s)?");
  scan(folded, 'giu', '(?:s|es)?');
  uses.sort((a, b) => a.start - b.start);
  // Where an acronym and a long form overlap (never in practice), the first found stays.
  const kept: TextMatch[] = [];
  for (const u of uses) if (!kept.length || kept[kept.length - 1]!.end <= u.start) kept.push(u);
  return kept;
}

/**
 * The glossary's matches and the page terms' uses together: where they overlap, the longer wins
 * ("Critique-Conditioned Fine-Tuning" holds "fine-tuning"; "AI alignment" holds a page's "AI"),
 * a page term's use on a tie; a use given to a glossary entry yields to any glossary match.
 */
export function mergeUses(glossary: readonly TextMatch[], uses: readonly TextMatch[]): TextMatch[] {
  if (uses.length === 0) return glossary as TextMatch[];
  const overlaps = (a: TextMatch, b: TextMatch) => a.start < b.end && b.start < a.end;
  const len = (x: TextMatch) => x.end - x.start;
  const pageUses = uses.filter((u) => isPageEntry(terminalEntry(u.terminal)) && !glossary.some((g) => overlaps(g, u) && len(g) > len(u)));
  const glossaryUses = uses.filter((u) => !isPageEntry(terminalEntry(u.terminal)) && !glossary.some((g) => overlaps(g, u)));
  const kept = glossary.filter((g) => !pageUses.some((u) => overlaps(g, u)));
  return [...kept, ...pageUses, ...glossaryUses].sort((a, b) => a.start - b.start);
}
