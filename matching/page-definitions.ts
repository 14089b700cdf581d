/**
 * Definitions a text makes of its own terms: acronyms ("Long Form (LF)", "LF (Long Form)"),
 * "we define X as", "we call this X", "X refers to", "X is defined as", "By X we mean",
 * "Definition N (X).", a quoted term then "i.e." or (laws) "means",
 * and, where the snapshot marks its nodes, <dfn> and <dt> terms, an emphasised term then "is"/"are",
 * and "X: …" items under a Glossary heading. Cost: a few regular-expression passes, off the page.
 * Must never: take a citation, number, figure, section or statistic in brackets for a definition.
 */

/** A definition found in one text: the defined words' place, and the sentence that defines them. */
export interface FoundDefinition {
  /** The defined term as written; for an acronym, its long form. */
  term: string;
  /** The acronym, for an acronym definition (its letters spell the long form's initials). */
  acronym?: string;
  /** Where the defined words stand in the text (the long form, or the term). */
  start: number;
  end: number;
  /** The whole definition site, [siteStart, siteEnd): no use of a term is counted inside it. */
  siteStart: number;
  siteEnd: number;
  sentence: string;
  /**
   * One plain word from a pattern everyday prose also uses ("we define the yield as"): kept only
   * where the glossary knows the word (page-terms.ts), as how this page defines it.
   */
  weak?: boolean;
}

import { MARK_DFN, MARK_DT, MARK_EMPHASIS, MARK_HEADING } from './page-entry';

export { MARK_DFN, MARK_DT, MARK_EMPHASIS, MARK_HEADING };

/** A marked text node: where it starts and ends in the text, and its mark. */
export interface MarkedPart {
  start: number;
  end: number;
  mark: number;
}

/** A word with one of these before its stem may give the stem's initial too: "misgeneralization" (MG). */
const PREFIXES = [
  'mis',
  'super',
  'inter',
  'over',
  'under',
  'counter',
  'meta',
  'multi',
  'non',
  'self',
  'anti',
  'semi',
  'auto',
  'hyper',
  'micro',
  'macro',
];

const SMALL = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'in', 'on', 'to', 'with', 'from', 'by', 'via', 'at', 'as', 'or', 'into']);

const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u;
const QUOTES = /^["“”‘’']+|["“”‘’']+$/gu;

/** The defined term must be 1 to 6 words, each a word (letters, digits, hyphens, apostrophes). */
function termWords(term: string): string[] | null {
  const words = term.trim().split(/\s+/);
  if (words.length < 1 || words.length > 6 || !words.every((w) => WORD.test(w))) return null;
  if (!/\p{L}/u.test(term)) return null;
  return words;
}

/** A single word that looks coined (RewardGap, k-NN, GPT2-style) rather than everyday. */
function coined(word: string): boolean {
  return /[-\d]|.\p{Lu}/u.test(word);
}

/** Letters of an acronym to spell, lower case; null when the token is no acronym. */
export function acronymLetters(token: string): string | null {
  if (token.length < 2 || token.length > 12 || !/^\p{L}[\p{L}\p{N}-]*$/u.test(token)) return null;
  // A plural ("LLMs") spells its singular.
  const bare = /^[\p{Lu}\p{N}-]+s$/u.test(token) ? token.slice(0, -1) : token;
  const capitals = bare.match(/\p{Lu}/gu)?.length ?? 0;
  if (capitals < 2) return null;
  const letters = bare.replace(/[^\p{L}]/gu, '').toLowerCase();
  return letters.length >= 2 && letters.length <= 10 ? letters : null;
}

/**
 * Whether `words` spell `letters` by their initials: each word gives its initial, or a hyphenated
 * word the initials of its parts, or a prefixed word its initial and its stem's ("goal
 * misgeneralization", GMG); small words may give nothing, except the first, which must give the
 * first letter. Every letter is used.
 */
export function spellsInitials(words: readonly string[], letters: string): boolean {
  const lower = words.map((w) => w.toLowerCase().replace(QUOTES, ''));
  // The long form starts and ends with a word that says something ("chloride of the" is no long form).
  if (lower.length === 0 || SMALL.has(lower[0]!) || SMALL.has(lower[lower.length - 1]!)) return false;
  const memo = new Map<string, boolean>();
  // `big`: letters given by words (or hyphenated parts) that are not small words. At least two
  // must be ("chloride of" gives C and O, but only C from a word that names anything).
  const go = (wi: number, li: number, big: number): boolean => {
    if (wi === lower.length) return li === letters.length && big >= Math.min(2, letters.length);
    if (li > letters.length) return false;
    const key = `${wi}:${li}:${Math.min(big, 2)}`;
    const seen = memo.get(key);
    if (seen !== undefined) return seen;
    const w = lower[wi]!;
    const small = SMALL.has(w);
    const parts = w.split('-').filter(Boolean);
    // Each option: the initials it gives, and how many of them come from words that are not small.
    const options: [string[], number][] = [[[w[0]!], small ? 0 : 1]];
    if (parts.length > 1) {
      options.push([parts.map((p) => p[0]!), parts.filter((p) => !SMALL.has(p)).length]);
      const bigParts = parts.filter((p) => !SMALL.has(p));
      if (bigParts.length > 0 && bigParts.length < parts.length) options.push([bigParts.map((p) => p[0]!), bigParts.length]);
    }
    for (const p of PREFIXES)
      if (parts.length === 1 && w.length >= p.length + 5 && w.startsWith(p)) options.push([[w[0]!, w[p.length]!], 2]);
    let ok = false;
    if (wi > 0 && small) ok = go(wi + 1, li, big);
    for (const [initials, fromBig] of options) {
      if (ok) break;
      if (letters.startsWith(initials.join(''), li)) ok = go(wi + 1, li + initials.length, big + fromBig);
    }
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0, 0);
}

const SENTENCE_MAX = 320;

/** Where the sentence around [start, end) begins and ends: after the previous sentence end, to the next. */
export function sentenceSpan(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && start - a < SENTENCE_MAX / 2) {
    const c = text[a - 1]!;
    if ((c === '.' || c === '!' || c === '?' || c === '\n') && a < start && /\s/.test(text[a] ?? ' ')) break;
    a--;
  }
  let b = end;
  while (b < text.length && b - start < SENTENCE_MAX) {
    const c = text[b]!;
    b++;
    if ((c === '.' || c === '!' || c === '?') && (b >= text.length || /[\s\p{Lu}]/u.test(text[b]!))) break;
  }
  return [a, b];
}

/** The sentence around [start, end), its white space runs one space each. */
export function sentenceAround(text: string, start: number, end: number): string {
  const [a, b] = sentenceSpan(text, start, end);
  return text.slice(a, b).replace(/\s+/g, ' ').trim();
}

/** The words right before `at`, as long as they are plain words (no punctuation between). */
function wordsBefore(text: string, at: number, max: number): { words: string[]; starts: number[] } {
  const words: string[] = [];
  const starts: number[] = [];
  let i = at;
  while (words.length < max) {
    let j = i;
    while (j > 0 && /\s/.test(text[j - 1]!)) j--;
    if (j === i && words.length > 0) break;
    let k = j;
    while (k > 0 && /[\p{L}\p{N}'’-]/u.test(text[k - 1]!)) k--;
    // An opening quote may begin the long form; it ends the search.
    const opening = k > 0 && /["“‘]/.test(text[k - 1]!);
    if (k === j) break;
    words.unshift(text.slice(k, j));
    starts.unshift(k);
    if (opening) break;
    i = k;
    if (k === 0 || !/\s/.test(text[k - 1]!)) break;
  }
  return { words, starts };
}

function acronymDefinitions(text: string, out: FoundDefinition[]): void {
  // "Long Form (LF)": the bracket holds the acronym alone.
  for (const m of text.matchAll(/\(\s*([\p{L}][\p{L}\p{N}-]{1,11})\s*\)/gu)) {
    const letters = acronymLetters(m[1]!);
    if (!letters) continue;
    const open = m.index;
    // A closing quote may end the long form: “Critique-Conditioned Fine-Tuning” (CCFT).
    let before = open;
    while (before > 0 && /\s/.test(text[before - 1]!)) before--;
    const quoted = before > 0 && /["”’]/.test(text[before - 1]!) ? 1 : 0;
    const { words, starts } = wordsBefore(text, before - quoted, Math.min(letters.length + 5, letters.length * 2));
    // The shortest run of the words before the bracket that spells the letters.
    for (let i = words.length - 1; i >= 0; i--) {
      const run = words.slice(i);
      if (!spellsInitials(run, letters)) continue;
      const start = starts[i]!;
      const end = before - quoted;
      out.push({
        term: text.slice(start, end).replace(/\s+/g, ' '),
        acronym: m[1]!,
        start,
        end,
        siteStart: start,
        siteEnd: m.index + m[0].length,
        sentence: sentenceAround(text, start, m.index + m[0].length),
      });
      break;
    }
  }
  // "LF (Long Form)": the acronym, then its long form alone in the bracket.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}-])([\p{L}][\p{L}\p{N}-]{1,11})\s*\(([\p{L}][\p{L}\p{N}'’ -]{2,118})\)/gu)) {
    const letters = acronymLetters(m[1]!);
    if (!letters) continue;
    const long = m[2]!.trim();
    const words = long.split(/\s+/);
    if (words.length < 2 && !long.includes('-')) continue;
    if (words.length > 10 || !spellsInitials(words, letters)) continue;
    const start = m.index + m[0].indexOf('(') + 1 + (m[2]!.length - m[2]!.trimStart().length);
    out.push({
      term: long.replace(/\s+/g, ' '),
      acronym: m[1]!,
      start,
      end: start + long.length,
      siteStart: m.index,
      siteEnd: m.index + m[0].length,
      sentence: sentenceAround(text, m.index, m.index + m[0].length),
    });
  }
}

/** Nouns "we call this …" may name before the term ("we call this phenomenon reward laundering"). */
const KIND_NOUNS =
  'phenomenon|behaviou?r|approach|method|technique|setting|problem|effect|property|process|procedure|failure(?: mode)?|quantity|metric|measure|objective|strategy|framework|pattern|regime|class|family|task|dataset|benchmark|attack|situation|condition|failure mode';

interface TermPattern {
  re: RegExp;
  /** Whether one everyday word may be the term (a strong pattern). */
  strong: boolean;
  /** The definition is the sentence after the match ("Definition 3 (X). A probe drifts when …"). */
  body?: boolean;
}

const TERM = `["“‘]?([\\p{L}\\p{N}][\\p{L}\\p{N}'’ -]{0,70}?)["”’]?`;
const PATTERNS: TermPattern[] = [
  {
    re: new RegExp(
      `\\b[Ww]e\\s+(?:will\\s+|can\\s+|formally\\s+|here\\s+|now\\s+)?define\\s+(?:the\\s+|a\\s+|an\\s+)?(?:term\\s+|notion\\s+of\\s+|concept\\s+of\\s+)?${TERM}\\s+(?:as|to\\s+be)\\s`,
      'gu',
    ),
    strong: false,
  },
  {
    re: new RegExp(
      `\\b[Ww]e\\s+(?:will\\s+)?(?:call|term|dub|name)\\s+(?:this|these|it|them|such\\s+\\p{L}+)(?:\\s+(?:${KIND_NOUNS}))?\\s+${TERM}(?=\\s*[.,;:)]|\\s+(?:and|which|or|for|because|in)\\s)`,
      'gu',
    ),
    strong: false,
  },
  {
    re: new RegExp(`(?:^|[.!?]\\s+|\\n\\s*)(?:The\\s+term\\s+|The\\s+)?${TERM}\\s+refers\\s+to\\s`, 'gu'),
    strong: false,
  },
  { re: /\bDefinition\s+\d+(?:\.\d+)*\s*\(([^()]{2,60})\)\s*[.:]/gu, strong: true, body: true },
  { re: /["“]([\p{L}\p{N}][\p{L}\p{N}'’ -]{0,60})["”],?\s+i\.e\.,?\s/gu, strong: true },
  // Laws and standards: “Frontier developer” means a person who …
  { re: /["“‘]([\p{L}\p{N}][\p{L}\p{N}'’ -]{0,60}?)[,.]?["”’]\s+means\s/gu, strong: true },
  // By “direction” we mean a linear combination of neurons …
  { re: /\bBy\s+["“‘]?([\p{L}\p{N}][\p{L}\p{N}'’ -]{0,60}?)["”’]?,?\s+we\s+mean\s/gu, strong: false },
  { re: new RegExp(`(?:^|[.!?]\\s+|\\n\\s*)(?:The\\s+term\\s+|The\\s+|An?\\s+)?${TERM}\\s+is\\s+defined\\s+as\\s`, 'gu'), strong: false },
];

const NOT_A_TERM = /^(?:this|that|these|those|it|they|he|she|we|which|what|there|here|one|each|all|such)$/i;

function termDefinitions(text: string, out: FoundDefinition[]): void {
  for (const { re, strong, body } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const raw = m[1]!;
      // "we call this the model": the article is not part of the term.
      const term = raw
        .replace(QUOTES, '')
        .trim()
        .replace(/^(?:the|a|an)\s+/i, '');
      const words = termWords(term);
      if (!words || NOT_A_TERM.test(words[0]!)) continue;
      // Quotes around the term make the pattern strong: “direction”.
      const at = m.index + m[0].indexOf(raw);
      const quoted = at > 0 && /["“‘']/.test(text[at - 1]!);
      const weak = words.length === 1 && !strong && !quoted && !coined(words[0]!);
      const start = m.index + m[0].indexOf(raw) + raw.indexOf(term);
      // The whole defining sentence is the site: the term's words inside it are no later use.
      const [a, b] = body
        ? [m.index, sentenceSpan(text, m.index + m[0].length, m.index + m[0].length)[1]]
        : sentenceSpan(text, start, start + term.length);
      out.push({
        term,
        start,
        end: start + term.length,
        siteStart: Math.min(a, m.index),
        siteEnd: Math.max(b, m.index + m[0].length),
        sentence: text.slice(a, b).replace(/\s+/g, ' ').trim(),
        ...(weak ? { weak } : {}),
      });
    }
  }
}

const GLOSSARY_HEADING = /^\s*(?:glossary|definitions|terminology|key terms|notation|terms)\s*:?\s*$/i;

/** Definitions the snapshot's marks show: <dfn>, <dt>, an emphasised term then "is", a glossary list. */
function markedDefinitions(text: string, marks: readonly MarkedPart[], out: FoundDefinition[]): void {
  let inGlossary = false;
  for (let k = 0; k < marks.length; k++) {
    const p = marks[k]!;
    const raw = text.slice(p.start, p.end);
    if (p.mark === MARK_HEADING) {
      inGlossary = GLOSSARY_HEADING.test(raw);
      continue;
    }
    const term = raw
      .replace(/[:\s]+$/u, '')
      .replace(QUOTES, '')
      .trim();
    const words = termWords(term);
    if (!words || NOT_A_TERM.test(words[0]!)) continue;
    const start = p.start + raw.indexOf(term);
    const after = text.slice(p.end, p.end + 12);
    let sentence: string | null = null;
    if (p.mark === MARK_DFN) sentence = sentenceAround(text, start, start + term.length);
    else if (p.mark === MARK_DT || (inGlossary && p.mark === MARK_EMPHASIS && /^\s*[:—–-]/u.test(after))) {
      // The description runs from the term to the next marked term (at most a long sentence).
      const next = marks.slice(k + 1).find((q) => q.mark === p.mark || q.mark === MARK_HEADING)?.start ?? text.length;
      const to = Math.min(next, p.end + SENTENCE_MAX);
      const body = text.slice(p.end, to).replace(/^[\s:—–-]+/u, '');
      if (body.trim().length >= 8) sentence = `${term}: ${sentenceAround(body, 0, 0)}`;
    } else if (p.mark === MARK_EMPHASIS && /^\s+(?:is|are)\s/u.test(after)) {
      // "<em>Reward laundering</em> is …" at the start of a sentence (an article may come first).
      if (/(?:^|[.!?:])\s*(?:(?:A|An|The)\s+)?$/u.test(text.slice(Math.max(0, p.start - 40), p.start)))
        sentence = sentenceAround(text, start, p.end + 4);
    }
    if (!sentence) continue;
    out.push({ term, start, end: start + term.length, siteStart: start, siteEnd: p.end, sentence });
  }
  // Lines of a glossary section written as plain "Term: description".
  if (marks.some((q) => q.mark === MARK_HEADING && GLOSSARY_HEADING.test(text.slice(q.start, q.end)))) {
    for (let k = 0; k < marks.length; k++) {
      const h = marks[k]!;
      if (h.mark !== MARK_HEADING || !GLOSSARY_HEADING.test(text.slice(h.start, h.end))) continue;
      const end = marks.slice(k + 1).find((q) => q.mark === MARK_HEADING)?.start ?? text.length;
      const section = text.slice(h.end, end);
      for (const m of section.matchAll(/(?:^|\n|(?<=[.!?]))\s*([\p{Lu}][\p{L}\p{N}'’ -]{1,60}?):\s+(\S[^\n]{7,})/gu)) {
        const term = m[1]!.trim();
        const words = termWords(term);
        if (!words || NOT_A_TERM.test(words[0]!)) continue;
        const start = h.end + m.index + m[0].indexOf(term);
        if (out.some((d) => d.start === start)) continue;
        out.push({
          term,
          start,
          end: start + term.length,
          siteStart: start,
          siteEnd: start + term.length,
          sentence: `${term}: ${sentenceAround(m[2]!, 0, 0)}`,
        });
      }
    }
  }
}

/**
 * Every definition in `text`, in text order; where two overlap, the one found first (acronyms,
 * then explicit patterns, then marks) is kept.
 */
export function findDefinitions(text: string, marks: readonly MarkedPart[] = []): FoundDefinition[] {
  const found: FoundDefinition[] = [];
  acronymDefinitions(text, found);
  termDefinitions(text, found);
  if (marks.length) markedDefinitions(text, marks, found);
  const kept: FoundDefinition[] = [];
  for (const d of found) if (!kept.some((k) => d.start < k.end && k.start < d.end)) kept.push(d);
  return kept.sort((a, b) => a.start - b.start);
}
