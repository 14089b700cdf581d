/**
 * Derived forms: the verb, adjective and adverb shapes readers write a term in ("seeks power",
 * "corrigibly"), each rule reversing one noun-making suffix; ranked below an entry's own forms and
 * shown only on AI pages ("seeks power" is plain English elsewhere).
 * Cost: build time only. Must never: derive from an acronym, or turn a phrase into a single word.
 */

/** Adjective -> adverb: instrumental -> instrumentally. */
const ADVERB: [RegExp, string][] = [
  [/ible$/, 'ibly'],
  [/able$/, 'ably'],
  [/ic$/, 'ically'],
  [/(al|ive|ent|ant|ous|ful|ar)$/, '$1ly'],
];

/** Noun -> adjective or participle: convergence -> convergent, alignment -> aligned. */
const ADJECTIVE: [RegExp, string][] = [
  [/ibility$/, 'ible'],
  [/ability$/, 'able'],
  [/ivity$/, 'ive'],
  [/([iy])zation$/, '$1zed'],
  [/([iy])sation$/, '$1sed'],
  [/ence$/, 'ent'],
  [/ency$/, 'ent'],
  [/ance$/, 'ant'],
  [/ement$/, 'ed'],
  [/ment$/, 'ed'],
];

/** Noun -> the verb it names, in its four shapes: overoptimization -> overoptimize(s|d|ing). */
const VERB = /([iy])([zs])ation$/;

function apply(word: string, rules: readonly [RegExp, string][]): string | null {
  for (const [re, to] of rules) if (re.test(word)) return word.replace(re, to);
  return null;
}

/**
 * Verbs of pursuit, which writers also put before their object ("seeks power"). Other compounds
 * do not turn round: "loading value" is not value-loading, nor "tuning fine" fine-tuning.
 */
const PURSUIT = /^(seek|maximiz|maximis|pursu|acquir|gain)$/;
/** Words long enough to be adjectives when they end like one ("goal", "intent" are nouns). */
const MIN_ADJECTIVE = 7;

const isAcronym = (w: string) => /[A-Z]/.test(w.slice(1)) || /\d/.test(w);

/** The derived forms of one glossary form (the form itself not included). */
export function derivedForms(form: string): string[] {
  const out = new Set<string>();
  const words = form.trim().split(/\s+/);
  if (words.some(isAcronym)) return [];
  const lower = words.map((w) => w.toLowerCase());

  if (lower.length === 1) {
    const w = lower[0]!;
    // A compound noun of a thing and a gerund: power-seeking -> seeking power, seeks power.
    const compound = /^([a-z]+)-([a-z]+)ing$/.exec(w);
    if (compound && PURSUIT.test(compound[2]!)) {
      const [, object, stem] = compound;
      const base = /(iz|is|u|ir)$/.test(stem!) ? stem + 'e' : stem!;
      out.add(`${stem}ing ${object}`);
      out.add(`${base}s ${object}`);
    }
    // Hyphenated or not, the suffix is on the last part: over-optimization -> over-optimized.
    const verb = VERB.exec(w);
    if (verb) {
      const base = w.slice(0, verb.index) + verb[1] + verb[2] + 'e';
      for (const v of [base, base + 's', base + 'd', base.slice(0, -1) + 'ing']) out.add(v);
    }
    // Qualities: corrigibility -> corrigible -> corrigibly.
    const quality = /(ibility|ability)$/.test(w) ? apply(w, ADJECTIVE) : /(ible|able)$/.test(w) ? w : null;
    if (quality) {
      if (quality !== w) out.add(quality);
      const adverb = apply(quality, ADVERB);
      if (adverb) out.add(adverb);
    }
  } else if (lower.length === 2) {
    // An adjective and a noun: instrumental convergence -> instrumentally convergent (and
    // convergently instrumental); deceptive alignment -> deceptively aligned.
    const [adj, noun] = lower as [string, string];
    const adverb = adj.length >= MIN_ADJECTIVE ? apply(adj, ADVERB) : null;
    const adjective = apply(noun, ADJECTIVE);
    if (adverb && adjective) {
      out.add(`${adverb} ${adjective}`);
      // Only a quality turns round ("convergently instrumental"); "probably algorithmic" is no term.
      if (/(ence|ance)$/.test(noun)) out.add(`${apply(adjective, ADVERB)!} ${adj}`);
    }
  }
  out.delete(form.toLowerCase());
  return [...out];
}
