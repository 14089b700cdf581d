/**
 * Study exports: glossary entries as CSV (RFC 4180), as a tab-separated file Anki imports as Basic
 * notes (front: the term; back: gist, definition and source), and as a Markdown "reading prep"
 * sheet of a page's terms not yet known. Cost: string building on a click.
 * Must never: let entry text break a row (quotes, tabs, new lines) or pass through as Anki HTML.
 */
import type { DisplayEntry, DisplaySource } from '../glossary/display-types';
import { formatAuthors } from '../components/source-citation';
import { headingCase } from '../components/tooltip-card';

/** One export row: an entry, with what the list knows of it (a count, a date). */
export interface StudyItem {
  entry: DisplayEntry;
  count?: number;
  /** ms since the epoch */
  last?: number;
}

const sourceLine = (s: DisplaySource | undefined) => (s ? `${formatAuthors(s.authors)} (${s.year}). ${s.title}. ${s.url}` : '');

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Term, id, category, gist, definition, source; then count and last look-up where the list has them. */
export function entriesCsv(items: readonly StudyItem[], countLabel = 'count'): string {
  const withCount = items.some((i) => i.count !== undefined);
  const withLast = items.some((i) => i.last !== undefined);
  const head = [
    'term',
    'id',
    'category',
    'gist',
    'definition',
    'source',
    ...(withCount ? [countLabel] : []),
    ...(withLast ? ['last looked up'] : []),
  ];
  return toCsv([
    head,
    ...items.map(({ entry: e, count, last }) => [
      headingCase(e.term),
      e.id,
      e.category,
      e.gist,
      e.definition,
      sourceLine(e.sources[0]),
      ...(withCount ? [count ?? ''] : []),
      ...(withLast ? [last !== undefined ? new Date(last).toISOString().slice(0, 10) : ''] : []),
    ]),
  ]);
}

/** Text for an Anki field with HTML allowed: markup characters escaped, tabs and line breaks made safe. */
function ankiField(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, ' ')
    .replace(/\r?\n/g, '<br>');
}

/** Anki's text import with file headers: tab-separated, HTML fields, Basic notes, a tag per note. */
export function ankiNotes(entries: readonly DisplayEntry[]): string {
  const lines = ['#separator:tab', '#html:true', '#notetype:Basic', '#columns:Front\tBack\tTags', '#tags column:3'];
  for (const e of entries) {
    const source = e.sources[0];
    const back = [
      `<b>${ankiField(e.gist)}</b>`,
      ankiField(e.definition),
      source ? `<small>Source: ${ankiField(sourceLine(source))}</small>` : '',
    ].filter(Boolean);
    lines.push([ankiField(headingCase(e.term)), back.join('<br><br>'), 'alignment-glossary'].join('\t'));
  }
  return lines.join('\n') + '\n';
}

/** Markdown sheet: the page's terms not yet known, in page order, to read before the paper. */
export function readingPrep(
  page: { title: string; url: string },
  entries: readonly DisplayEntry[],
  ownTerms: readonly string[] = [],
): string {
  const md = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  const out = [`# Reading prep: ${md(page.title)}`, '', `<${page.url}>`, ''];
  out.push(
    entries.length
      ? `${entries.length} term${entries.length === 1 ? '' : 's'} on this page you have not marked as known, in the order the page uses them.`
      : 'Every glossary term on this page is one you know.',
    '',
  );
  for (const e of entries) {
    out.push(`## ${md(headingCase(e.term))}`, '', `**${md(e.gist)}**`, '', md(e.definition), '');
    const s = e.sources[0];
    if (s) out.push(`Source: [${md(s.title)}](${s.url}), ${md(formatAuthors(s.authors))} (${s.year})`, '');
  }
  if (ownTerms.length) out.push('## Defined by the page itself', '', ...ownTerms.map((t) => `- ${md(t)}`), '');
  return out.join('\n');
}
