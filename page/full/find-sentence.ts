/**
 * Where a sentence stands on the page: its text found across text nodes (and open shadow roots),
 * forgiving runs of white space, as a Range over its first words. Used on a click (Go to
 * definition), never at load. Cost: one read of the page's text nodes and one search.
 * Must never: change the page, or return a Range over text that does not read as the sentence.
 */
import { queryPattern } from '../../pdf/find-text';
import { lastAtOrBefore } from '../../matching/sorted-search';

/** Words of the sentence the search looks for: enough to be unique, few enough to survive markup. */
const WORDS = 14;

export function findSentence(doc: Document, sentence: string, shadowRoots: readonly ShadowRoot[] = []): Range | null {
  const words = sentence.trim().split(/\s+/).slice(0, WORDS).join(' ');
  const re = queryPattern(words);
  if (!re || !doc.body) return null;
  for (const root of [doc.body, ...shadowRoots]) {
    const nodes: Text[] = [];
    const starts: number[] = [];
    let text = '';
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement?.localName;
      if (p === 'script' || p === 'style' || p === 'noscript' || p === 'template') continue;
      nodes.push(n as Text);
      starts.push(text.length);
      text += (n as Text).data;
    }
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m) continue;
    const at = (offset: number): [Text, number] => {
      const k = lastAtOrBefore(starts, offset);
      return [nodes[k]!, offset - starts[k]!];
    };
    const [sn, so] = at(m.index);
    const [en, eo] = at(m.index + m[0].length - 1);
    const range = doc.createRange();
    range.setStart(sn, so);
    range.setEnd(en, eo + 1);
    return range;
  }
  return null;
}
