/**
 * Find in a PDF's text: `findAll(text, query)` gives [start, end) of each non-overlapping hit,
 * forgiving case and runs of whitespace (text layers split lines and words into pieces).
 * Cost: one pass of a regular expression built from the escaped query.
 * Must never: treat the query as a pattern (it is escaped), or return overlapping hits.
 */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function queryPattern(query: string): RegExp | null {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  // Curly and straight apostrophes and quotes are one character for the reader.
  const parts = words.map((w) =>
    escape(w)
      .replace(/['\u2019]/g, "['\u2019]")
      .replace(/["\u201c\u201d]/g, '["\u201c\u201d]'),
  );
  return new RegExp(parts.join('\\s*'), 'giu');
}

export function findAll(text: string, query: string): [number, number][] {
  const re = queryPattern(query);
  if (!re) return [];
  const hits: [number, number][] = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    hits.push([m.index, m.index + m[0].length]);
  }
  return hits;
}
