/**
 * Text walker: the page's readable text as blocks (phrases joined across inline elements),
 * skipping inputs, editable regions, code, hidden text, footnote marks and our own UI.
 * Cost: one TreeWalker step per text node; one cached check per element; `next()` is one block.
 * Must never: modify the DOM, or read layout while walking (`visible()` is the caller's to ask).
 */

/** Elements whose text is never matched. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'TT',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  // Footnote marks, exponents and indices are not words of the sentence: RLHF<sup>1</sup> is RLHF.
  'SUP',
  'SUB',
]);

/** Elements that flow inside a line; text across them belongs to one phrase. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'LABEL',
  'NOBR',
  'WBR',
  'BIG',
  'STRIKE',
]);

/** Tag name of the extension's own elements; they are never scanned. */
export const OWN_UI_TAG = 'ALIGNMENT-GLOSSARY-UI';

const lower = (tags: Iterable<string>) => new Set([...tags].map((t) => t.toLowerCase()));

// Compared with `localName` (one DOM read, already lower case for HTML elements).
const SKIP_NAMES = lower([...SKIP_TAGS, OWN_UI_TAG]);
const INLINE_NAMES = lower(INLINE_TAGS);

/**
 * Attributes that may make an element a skip zone. One native `matches()` rules them all out for
 * the usual element (no such attribute); only then are the values read.
 */
const SKIP_ATTRIBUTES = '[hidden],[aria-hidden],[contenteditable]';

/** A link whose whole text is a footnote or citation mark: 3, [12], *, †. */
const MARK = /^\s*[[(]?\s*(?:\d{1,3}|[a-z]|[*†‡§¶#]{1,3})\s*[\])]?\s*$/;

function isMarkLink(el: Element): boolean {
  if (el.localName !== 'a') return false;
  const only = el.firstChild;
  return (
    only !== null &&
    only === el.lastChild &&
    only.nodeType === Node.TEXT_NODE &&
    (only as Text).length <= 8 &&
    MARK.test((only as Text).data)
  );
}

function skippedByAttributes(el: Element): boolean {
  if (!el.matches(SKIP_ATTRIBUTES)) return false;
  const hidden = el.getAttribute('hidden');
  if (hidden !== null && hidden.toLowerCase() !== 'until-found') return true;
  if (el.getAttribute('aria-hidden')?.toLowerCase() === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

export interface TextBlock {
  /** Concatenated data of `nodes`. */
  text: string;
  nodes: Text[];
  /** Offset in `text` at which each node starts. */
  starts: number[];
  /** The block container the nodes share (null at the top of a shadow tree). */
  container: Element | null;
  /**
   * Where the first node starts in the root's whole text (every text node under the root
   * counts, skipped ones too: the coordinates of `root.textContent`, see text-snapshot.ts).
   */
  at: number;
}

export interface WalkerOptions {
  /** Whether an element is rendered; defaults to `checkVisibility` where available. */
  isVisible?: (el: Element) => boolean;
}

const defaultVisible = (el: Element) => (typeof el.checkVisibility === 'function' ? el.checkVisibility() : !(el as HTMLElement).hidden);

/**
 * Whether a text node reads as prose a reader sees: not code, a form field, editable or hidden
 * text, nor anything else the walk skips. Asked of a page's own definitions, a few per page.
 */
export function readsAsProse(node: Text): boolean {
  const el = node.parentElement;
  if (!el || !node.isConnected) return false;
  // The walk's own skip test, without the walker (the every-page script must not carry it).
  for (let e: Element | null = el; e; e = e.parentElement) if (SKIP_NAMES.has(e.localName) || skippedByAttributes(e)) return false;
  return defaultVisible(el);
}

export class TextWalker {
  private walker: TreeWalker;
  private visibleCache = new Map<Element, boolean>();
  /** Skip decisions per element, so shared ancestors are judged once per walk. */
  private skipCache = new Map<Element, boolean>();
  private pending: Text | null = null;
  private pendingBlock: Element | null = null;
  private pendingData = '';
  private pendingAt = 0;
  /** Block, text and offset of the node last returned by nextUsableText. */
  private currentBlock: Element | null = null;
  private currentData = '';
  private currentAt = 0;
  /** Offset in the root's whole text of the next node the TreeWalker yields. */
  private offset = 0;
  /** A node to read before asking the TreeWalker for the next one (set by seek). */
  private resume: Node | null = null;
  /** Steps back from where seek lands to the start of its block (made on the first seek). */
  private back: TreeWalker | null = null;
  // Most consecutive text nodes share a parent: remember the last decision.
  private lastParent: Element | null = null;
  private lastBlock: Element | null = null;
  private lastUsable = false;
  private isVisible: (el: Element) => boolean;
  /** Characters of the blocks returned so far. */
  scannedChars = 0;

  constructor(
    readonly root: Node,
    options: WalkerOptions = {},
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.isVisible = options.isVisible ?? defaultVisible;
  }

  /** Whether text inside `el` must be left alone (ancestors above the walk's root count too). */
  isSkipped(el: Element | null): boolean {
    if (!el) return false;
    const cached = this.skipCache.get(el);
    if (cached !== undefined) return cached;
    const skip = SKIP_NAMES.has(el.localName) || skippedByAttributes(el) || isMarkLink(el) || this.isSkipped(el.parentElement);
    this.skipCache.set(el, skip);
    return skip;
  }

  /** The nearest ancestor-or-self that is not inline (stopping at the walk's root). */
  private blockOf(el: Element): Element {
    let b = el;
    while (b !== this.root && isInlineElement(b)) {
      const up = b.parentElement;
      if (!up) break;
      b = up;
    }
    return b;
  }

  /**
   * Whether a block is rendered. Asked by the caller only for blocks that hold a match, so a
   * page pays for style checks on a handful of blocks, not on every paragraph.
   */
  visible(block: TextBlock): boolean {
    const el = block.container;
    if (!el) return true;
    let v = this.visibleCache.get(el);
    if (v === undefined) {
      v = this.isVisible(el);
      this.visibleCache.set(el, v);
    }
    return v;
  }

  private nextUsableText(): Text | null {
    if (this.pending) {
      const p = this.pending;
      this.currentBlock = this.pendingBlock;
      this.currentData = this.pendingData;
      this.currentAt = this.pendingAt;
      this.pending = null;
      return p;
    }
    const resume = this.resume;
    this.resume = null;
    for (let n = resume ?? this.walker.nextNode(); n; n = this.walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent) {
        this.offset += (n as Text).length;
        continue;
      }
      if (parent !== this.lastParent) {
        // Back in the block itself after an inline child (<p>text <em>x</em> text</p>): the
        // block was already found usable, along with all its ancestors; no DOM query needed.
        const backInBlock = this.lastUsable && parent === this.lastBlock;
        this.lastParent = parent;
        if (!backInBlock) {
          this.lastUsable = !this.isSkipped(parent);
          if (this.lastUsable) this.lastBlock = this.blockOf(parent);
        }
      }
      if (!this.lastUsable) {
        this.offset += (n as Text).length;
        continue;
      }
      this.currentBlock = this.lastBlock;
      const data = (n as Text).data;
      this.currentData = data;
      this.currentAt = this.offset;
      this.offset += data.length;
      return n as Text;
    }
    return null;
  }

  /** Where in the root's whole text the next block can begin at the earliest. */
  get position(): number {
    return this.pending ? this.pendingAt : this.offset;
  }

  /**
   * Skip ahead to the block that holds the text at `target` (a root offset past `position`): the
   * nodes in between are counted but not examined, and the next block is the one that would
   * have come out of the walk there (it may begin before `target`: its first nodes are found
   * by stepping back while they belong to the same block).
   */
  seek(target: number): void {
    if (this.pending) {
      if (this.pendingAt + this.pendingData.length > target) return;
      this.offset = this.pendingAt + this.pendingData.length;
      this.pending = null;
    }
    let n: Node | null = this.resume;
    this.resume = null;
    for (n = n ?? this.walker.nextNode(); n; n = this.walker.nextNode()) {
      const len = (n as Text).length;
      if (this.offset + len > target) break;
      this.offset += len;
    }
    if (!n) return;
    const parent = n.parentElement;
    if (parent && !this.isSkipped(parent)) {
      const block = this.blockOf(parent);
      const back = (this.back ??= (this.root.ownerDocument ?? (this.root as Document)).createTreeWalker(this.root, NodeFilter.SHOW_TEXT));
      back.currentNode = n;
      let first = n as Text;
      let at = this.offset;
      for (let p = back.previousNode(); p; p = back.previousNode()) {
        at -= (p as Text).length;
        const pe = p.parentElement;
        // Skipped text ends a block, as in the walk forward.
        if (!pe || this.isSkipped(pe) || this.blockOf(pe) !== block || breaksBetween(p as Text, first)) break;
        first = p as Text;
        this.offset = at;
      }
      n = first;
      this.walker.currentNode = first;
    }
    this.resume = n;
  }

  /** The next block of text, or null when the walk is over. */
  next(): TextBlock | null {
    for (;;) {
      const first = this.nextUsableText();
      if (!first) return null;
      const block = this.currentBlock;
      const at = this.currentAt;
      const nodes = [first];
      const starts = [0];
      const parts = [this.currentData];
      let length = parts[0]!.length;
      for (;;) {
        const t = this.nextUsableText();
        if (!t) break;
        // Skipped text in between (a footnote mark, a hidden note) ends the phrase too.
        if (this.currentBlock !== block || this.currentAt !== at + length || breaksBetween(nodes[nodes.length - 1]!, t)) {
          this.pending = t;
          this.pendingBlock = this.currentBlock;
          this.pendingData = this.currentData;
          this.pendingAt = this.currentAt;
          break;
        }
        starts.push(length);
        nodes.push(t);
        const data = this.currentData;
        parts.push(data);
        length += data.length;
      }
      // join() yields one flat string; += would build a rope that is slow to read char by char.
      const text = parts.length === 1 ? parts[0]! : parts.join('');
      this.scannedChars += length;
      // Whitespace-only blocks (indentation between elements) cannot hold a term.
      if (/\S/.test(text)) return { text, nodes, starts, container: block, at };
    }
  }
}

/**
 * A line break or a skipped element between two text nodes splits the phrase, also when the text
 * sits in inline wrappers (`<span>core of</span><br><span>Goodhart's law</span>`, as in PDF text
 * layers and many hand-made pages): the check climbs out of inline elements on each side.
 */
function breaksBetween(a: Text, b: Text): boolean {
  return isBreak(siblingOutOfInline(b, 'previousSibling'), a) || isBreak(siblingOutOfInline(a, 'nextSibling'), b);
}

function siblingOutOfInline(node: Node, side: 'previousSibling' | 'nextSibling'): Node | null {
  let n: Node = node;
  while (!n[side]) {
    const parent = n.parentElement;
    if (!parent || !isInlineElement(parent)) return null;
    n = parent;
  }
  return n[side];
}

function isBreak(el: Node | null, other: Text): boolean {
  if (!el || el.nodeType !== Node.ELEMENT_NODE || el.contains(other)) return false;
  const name = (el as Element).localName;
  return name === 'br' || SKIP_NAMES.has(name);
}

/** Map an offset in a block's text to the text node and offset inside it. */
export function locate(block: Pick<TextBlock, 'nodes' | 'starts'>, offset: number, isEnd: boolean): [Text, number] {
  const { nodes, starts } = block;
  // Binary search for the last node whose start <= offset (for an end, < offset).
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isEnd ? starts[mid]! < offset : starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [nodes[lo]!, offset - starts[lo]!];
}

/** The nearest ancestor (or self) that is not an inline element: where a phrase can live. */
export function blockContainerOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el && isInlineElement(el) && el.parentElement) el = el.parentElement;
  return el;
}

/** Whether an element is inline (text across it joins into one phrase), as the walk decides it. */
export function isInlineElement(el: Element): boolean {
  // arXiv's footnote text (LaTeXML) sits in a span inside the sentence, but is no part of it.
  return INLINE_NAMES.has(el.localName) && !(el.localName === 'span' && el.classList.contains('ltx_note_outer'));
}
