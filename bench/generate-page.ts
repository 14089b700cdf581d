/**
 * Seeded benchmark pages: filler prose with glossary terms planted at known places (and code
 * blocks repeating some, which must not count); returns the HTML and the ground truth.
 * Cost: milliseconds. Must never: use Math.random (runs must be comparable), or write filler
 * the compiled matcher matches.
 */
import type { CompiledMatcher } from '../matching/compiled';
import type { Entry } from '../glossary/schema';
import { findMatches } from '../matching/find-matches';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = `the of and to in is that for it as with was on be by this are or from at an which have not
but they their has were been one can more other also into when there these such than its some
would what only about many then them time so may most made over after first could new like
between both through each people very any years where much should because those same well used
state work way how even part our well during while system long under three must world before
life still great small place number found public against large every different however water
process early point case form within power study second rather group line house given often
general city always course order development certain since example known without history
following common something change night light left among along river point children report
human present local building major began social turn real kind young open available modern area
question family hand design market level interest little value school road field music common
evening window garden paper morning table letter bridge village forest island mountain harbour
coffee kitchen season weather journey station harvest orchard library museum theatre painting
careful quiet gentle bright narrow heavy distant recent simple ordinary curious patient steady`
  .split(/\s+/)
  .filter(Boolean);

export interface PlantedTerm {
  id: string;
  /** Surface form planted (in the text as written). */
  form: string;
  count: number;
}

export interface GeneratedPage {
  html: string;
  words: number;
  /** What a correct scan reports: id -> count. */
  truth: Map<string, number>;
}

export interface PageSpec {
  words: number;
  seed: number;
  plant: PlantedTerm[];
  title?: string;
}

/** Filler words that never match a glossary form or keyword on their own or in pairs. */
export function safeFiller(matcher: CompiledMatcher): string[] {
  const words = [...new Set(FILLER)].filter((w) => findMatches(matcher, w).length === 0);
  // Pairs could form a phrase ("reward model" from "reward" + "model"): drop any word that
  // starts a matching pair with another filler word.
  const bad = new Set<string>();
  for (const a of words) for (const b of words) if (findMatches(matcher, `${a} ${b}`).length) bad.add(a).add(b);
  return words.filter((w) => !bad.has(w));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function generatePage(matcher: CompiledMatcher, spec: PageSpec): GeneratedPage {
  const rand = mulberry32(spec.seed);
  const filler = safeFiller(matcher);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;

  // Decide where each planted occurrence goes: word positions spread over the page, at least
  // six words apart, so a multi-word term never swallows the slot of the next one.
  const slots = new Map<number, PlantedTerm>();
  const taken = (pos: number) => {
    for (let d = -6; d <= 6; d++) if (slots.has(pos + d)) return true;
    return false;
  };
  for (const p of spec.plant) {
    for (let i = 0; i < p.count; i++) {
      let pos: number;
      do pos = Math.floor(rand() * spec.words);
      while (taken(pos));
      slots.set(pos, p);
    }
  }

  const parts: string[] = [`<h1>${esc(spec.title ?? 'A long benchmark article')}</h1>`];
  let written = 0;
  let para: string[] = [];
  let paraLen = 40 + Math.floor(rand() * 120);
  let section = 0;
  const flush = () => {
    if (!para.length) return;
    const kind = rand();
    if (kind < 0.06)
      parts.push(
        `<ul>${para
          .join(' ')
          .split(/(?<=\.) /)
          .map((s) => `<li>${s}</li>`)
          .join('')}</ul>`,
      );
    else if (kind < 0.1) parts.push(`<blockquote><p>${para.join(' ')}</p></blockquote>`);
    else parts.push(`<p>${para.join(' ')}</p>`);
    if (rand() < 0.05) {
      // Code never counts, even when it names a term.
      const p = spec.plant.length ? pick(spec.plant).form : 'x';
      parts.push(`<pre><code>config = load("${esc(p)}")\nrun(config)</code></pre>`);
    }
    if (++section % 12 === 0) parts.push(`<h2>${esc(pick(filler))} ${esc(pick(filler))}</h2>`);
    para = [];
    paraLen = 40 + Math.floor(rand() * 120);
  };

  // A filler word next to a planted term must not make a longer form with it ("value" before
  // "alignment tax" reads "value alignment"): the ground truth counts the planted term alone.
  const alone = (text: string, at: number, form: string) => {
    const found = findMatches(matcher, text);
    return found.length === 1 && found[0]!.start === at && found[0]!.end === at + form.length;
  };
  const fits = (w: string, before: PlantedTerm | undefined, after: PlantedTerm | undefined) =>
    (!before || alone(`${before.form} ${w}`, 0, before.form)) && (!after || alone(`${w} ${after.form}`, w.length + 1, after.form));
  let previous: PlantedTerm | undefined;
  let sentence = 0;
  while (written < spec.words) {
    const planted = slots.get(written);
    let w: string;
    if (planted) {
      const r = rand();
      // Emphasis and links around a term must not stop it matching.
      w = r < 0.1 ? `<em>${esc(planted.form)}</em>` : r < 0.2 ? `<a href="#t${written}">${esc(planted.form)}</a>` : esc(planted.form);
      written += planted.form.split(/\s+/).length;
      previous = planted;
    } else {
      const next = slots.get(written + 1);
      w = pick(filler);
      for (let tries = 0; tries < 50 && (previous || next) && !fits(w, previous, next); tries++) w = pick(filler);
      if (sentence === 0) w = w[0]!.toUpperCase() + w.slice(1);
      written++;
      previous = undefined;
    }
    sentence++;
    if (sentence > 8 && rand() < 0.12) {
      w += '.';
      sentence = 0;
    } else if (rand() < 0.05) w += ',';
    para.push(w);
    if (para.length >= paraLen && sentence === 0) flush();
  }
  if (para.length) para[para.length - 1] += '.';
  flush();

  const truth = new Map<string, number>();
  for (const p of spec.plant) truth.set(p.id, (truth.get(p.id) ?? 0) + p.count);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(spec.title ?? 'Benchmark')}</title>
<style>body{font:16px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem}</style></head>
<body><article>${parts.join('\n')}</article></body></html>`;
  return { html, words: written, truth };
}

/**
 * Entries whose term, written on its own in a sentence, is reported as that entry (not gated,
 * not swallowed by a longer form): planting only these keeps the ground truth exact.
 */
export function plantableEntries(entries: readonly Entry[], matcher: CompiledMatcher): Entry[] {
  return entries
    .filter((e) => e.ambiguity === 'low' && !/[A-Z]{2}/.test(e.term))
    .filter((e) => {
      const ms = findMatches(matcher, `the ${e.term} and`);
      return ms.length === 1 && ms[0]!.terminal === matcher.ids.indexOf(e.id) * 2;
    });
}
