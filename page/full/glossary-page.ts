/**
 * Glossary page: wires scanner, term index, painter, tooltip, hover tracker and mutation batcher
 * for one document; `start()`, `stop()` (removes every trace) and the get-page-terms `report()`.
 * Cost: see the parts; this file only wires them.
 * Must never: hold extension APIs, so it runs alike in tests, the benchmark and the PDF viewer.
 */
import { EntryCache, type FetchEntry } from './entry-cache';
import type { PageTermsReport } from '../../messaging/contract';
import { LazyTooltip } from './lazy-tooltip';
import type { TooltipFactory } from '../shared/tooltip';
import { trackHover } from './hover-tracker';
import type { MutationBatch } from '../shared/mutation-batcher';
import { PageLifecycle } from '../shared/page-lifecycle';
import type { MatchSource } from '../shared/match-source';
import type { Look } from '../shared/first-look';
import { PageScanner } from './page-scanner';
import { createPainter, flash, type Painter } from './painter';
import { isPageEntry } from '../../matching/page-entry';
import { findSentence } from './find-sentence';
import { TermIndex, type PaintMode } from './term-index';
import { adoptHighlightStyles, removeHighlightStyles } from '../shared/shadow-roots';
import type { HighlightStyle, KnownStyle } from '../../settings/settings';
import type { CardEntry } from '../../glossary/display-types';
import { pageTermCard } from './page-term-card';

export interface GlossaryPageOptions {
  /** Where block texts are matched (the background for a content script, see match-source.ts). */
  source: MatchSource;
  /** Card data for one entry, on demand (the content script asks the background). */
  loadEntry: FetchEntry;
  /**
   * The tooltip UI, loaded when a card is first needed (the content script has the background
   * inject it; extension pages and tests import it directly).
   */
  loadTooltip: () => Promise<TooltipFactory>;
  /** The ::highlight rules, adopted into open shadow roots (document styles do not reach them). */
  highlightCss?: string;
  mode?: PaintMode;
  style?: HighlightStyle;
  /** Cards open with the definition shown (the reader's option). */
  cardDefinition?: boolean;
  intentMs?: number;
  /** Called when the number of distinct terms not marked as known changes (for the badge). */
  onTermCount?: (count: number) => void;
  /** Entry ids the reader marked as known, and how such terms are drawn. */
  knownTerms?: readonly string[];
  knownStyle?: KnownStyle;
  /** A card's Mark as known was pressed (the content script saves it; every page then gets it). */
  onMarkKnown?: (id: string, known: boolean) => void;
  /** A glossary card was opened (the history); the same card again within a minute is not told. */
  onLookUp?: (id: string) => void;
  /**
   * Paint first, count later: while only first occurrences are painted, a scan walks only where
   * they are, and the other occurrences are counted when the report is first asked for (the
   * popup's list) or the mode turns to 'all' (see page-scanner.ts). The content script's choice.
   */
  countLater?: boolean;
}

/** What the light page (light-page.ts) has seen by the time it hands the page over. */
export interface Handover {
  /** Roots whose first look says they must be walked. */
  looks: Look[];
  /** Roots to scan from the start: held for the topic gate, or changed since they were looked at. */
  roots: Node[];
  /** Open shadow roots found so far (watched and styled from now on). */
  shadowRoots: ShadowRoot[];
  /** Characters read and time spent on the roots the light page settled itself. */
  scannedChars: number;
  scanMs: number;
}

export class GlossaryPage {
  private index: TermIndex;
  private scanner: PageScanner;
  private painter: Painter;
  private tooltip: LazyTooltip;
  private entries: EntryCache;
  private readonly life: PageLifecycle;
  private abort: AbortController | null = null;
  private hover: ReturnType<typeof trackHover> | null = null;
  private stepCursor = -1;
  private shadowSheet: CSSStyleSheet | null = null;
  private cardDefinition: boolean;
  private known = new Set<string>();
  private knownStyle: KnownStyle = 'fade';

  constructor(
    private readonly doc: Document,
    private readonly options: GlossaryPageOptions,
  ) {
    this.index = new TermIndex(options.source.ids, options.source.terms, options.mode ?? 'first');
    this.painter = createPainter(doc.defaultView as Window & typeof globalThis, options.style);
    this.scanner = new PageScanner(options.source, this.index, () => this.repaint(), { countLater: options.countLater });
    this.entries = new EntryCache((index) => this.cardEntry(index));
    this.tooltip = new LazyTooltip(doc, this.entries, options.loadTooltip, {
      goToDefinition: (id) => this.goToDefinition(id),
      isKnown: (id) => this.known.has(id),
      setKnown: (id, known) => this.markKnown(id, known),
      opened: (id) => this.lookedUp(id),
    });
    this.life = new PageLifecycle(doc, (batch) => this.onBatch(batch));
    this.cardDefinition = !!options.cardDefinition;
    this.known = new Set(options.knownTerms ?? []);
    this.knownStyle = options.knownStyle ?? 'fade';
    this.index.setKnown(this.known, this.knownStyle === 'hide');
  }

  get enabled(): boolean {
    return this.life.enabled;
  }

  /**
   * Begin (or resume) highlighting. Resolves when the first full scan is done. `from`: take over
   * from the light page instead of scanning the whole body.
   */
  start(from?: Handover): Promise<void> {
    if (!this.life.turnOn()) return this.scanner.status === 'scanning' ? this.scanner.scan(this.doc.body) : Promise.resolve();
    this.abort = new AbortController();
    if (!from) return this.doc.body ? this.scanTree(this.doc.body) : Promise.resolve();
    this.scanner.carry(from.scannedChars, from.scanMs);
    for (const sr of from.shadowRoots) if (sr.host.isConnected) this.life.adopt(sr, this.styleShadowRoot);
    let done = Promise.resolve();
    for (const look of from.looks) if (look.root.isConnected) done = this.scanner.scan(look.root, look);
    for (const r of from.roots) if (r.isConnected) done = this.scanTree(r);
    return done;
  }

  private onBatch(batch: MutationBatch): void {
    this.scanner.account(() => {
      // Offsets in the snapshots of roots still to be counted may have moved where it changed.
      this.scanner.markChanged([...batch.roots, ...batch.removedFrom], batch.full);
      if (batch.full) this.prune(this.doc.body);
      else if (batch.removals) this.prune();
      for (const r of batch.roots) this.prune(r);
      this.repaint();
    });
    if (batch.full) this.scanTree(this.doc.body);
    else for (const r of batch.roots) this.scanTree(r);
  }

  /** Drop the matches under `root` (or gone from the page), to be found again by a rescan. */
  private prune(root?: Node): void {
    this.index.prune(root);
    this.scanner.forget(root);
  }

  /**
   * Pointer and keyboard listeners, added once the page has a term to hover (a page without
   * terms never gets them).
   */
  private ensureHover(): ReturnType<typeof trackHover> | null {
    if (this.hover || !this.abort) return this.hover;
    this.hover = trackHover(
      this.doc,
      this.index,
      this.tooltip,
      this.abort.signal,
      {
        intentMs: this.options.intentMs,
        // The pointer has landed on a term: fetch its card and the UI during the intent delay.
        definitionFirst: () => this.cardDefinition,
        prefetch: (entry) => {
          void this.entries.load(entry);
          void this.tooltip.preload();
        },
      },
      () => this.life.shadowRoots,
    );
    return this.hover;
  }

  /** Scan a subtree and the open shadow roots inside it (once each, watched for changes). */
  private scanTree(root: Node): Promise<void> {
    let done = this.scanner.scan(root);
    for (const sr of this.life.shadowRootsIn(root, this.styleShadowRoot)) done = this.scanner.scan(sr);
    return done;
  }

  /** A newly found open shadow root gets the highlight styles (the lifecycle watches it). */
  private readonly styleShadowRoot = (sr: ShadowRoot): void => {
    const sheet = this.highlightSheet();
    if (sheet) adoptHighlightStyles(sr, sheet);
  };

  private highlightSheet(): CSSStyleSheet | null {
    if (this.shadowSheet || !this.options.highlightCss) return this.shadowSheet;
    try {
      const Sheet = (this.doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
      this.shadowSheet = new Sheet();
      this.shadowSheet.replaceSync(this.options.highlightCss);
    } catch {
      this.shadowSheet = null;
    }
    return this.shadowSheet;
  }

  /** Remove every highlight, the tooltip and all listeners; the page is as if we never ran. */
  stop(): void {
    const shadowRoots = this.life.shadowRoots;
    if (!this.life.turnOff()) return;
    this.abort?.abort();
    this.abort = null;
    this.hover = null;
    this.scanner.stop();
    this.painter.clear();
    this.tooltip.destroy();
    if (this.shadowSheet) for (const sr of shadowRoots) removeHighlightStyles(sr, this.shadowSheet);
    this.index = new TermIndex(this.options.source.ids, this.options.source.terms, this.index.mode);
    this.index.setKnown(this.known, this.knownStyle === 'hide');
    this.scanner = new PageScanner(this.options.source, this.index, () => this.repaint(), { countLater: this.options.countLater });
    this.lastCount = 0;
    this.options.onTermCount?.(0);
  }

  /** Match the page again from the start (the reader's own terms changed): cards are read anew. */
  refresh(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    this.stop();
    this.entries.clear();
    return this.start();
  }

  setMode(mode: PaintMode): void {
    this.index.mode = mode;
    if (!this.enabled) return;
    // Every occurrence is painted now: those not yet counted must be found first.
    if (mode === 'all') void this.scanner.countAll();
    this.scanner.account(() => this.repaint());
  }

  setStyle(style: HighlightStyle): void {
    this.painter.setStyle(style);
  }

  setCardDefinition(on: boolean): void {
    this.cardDefinition = on;
  }

  /** The reader's known terms (from the settings): drawn faintly, or not at all with 'hide'. */
  setKnown(ids: readonly string[], style: KnownStyle): void {
    const same = style === this.knownStyle && ids.length === this.known.size && ids.every((id) => this.known.has(id));
    if (same) return;
    this.known = new Set(ids);
    this.knownStyle = style;
    this.index.setKnown(this.known, style === 'hide');
    if (this.enabled) this.repaint();
  }

  private lastLookUp = { id: '', at: -Infinity };

  /** One look-up per card a reader opens: hovering the same term again at once is not another. */
  private lookedUp(id: string): void {
    const now = performance.now();
    if (id === this.lastLookUp.id && now - this.lastLookUp.at < 60_000) return;
    this.lastLookUp = { id, at: now };
    this.options.onLookUp?.(id);
  }

  /** Mark as known, from a card: shown at once here; saved by the content script for every page. */
  private markKnown(id: string, known: boolean): void {
    const ids = new Set(this.known);
    if (known) ids.add(id);
    else ids.delete(id);
    this.setKnown([...ids], this.knownStyle);
    this.options.onMarkKnown?.(id, known);
  }

  /** Whether the page changed in ways not yet scanned (a change waits for its batch). */
  get settling(): boolean {
    return this.life.pending;
  }

  report(): PageTermsReport {
    // The list with counts is asked for: count what the first scan stepped over.
    if (this.enabled && this.scanner.hasUncounted) void this.scanner.countAll();
    return {
      status: this.life.status(this.scanner.status),
      scannedChars: this.scanner.scannedChars,
      scanMs: Math.round(this.scanner.scanMs * 100) / 100,
      terms: this.enabled ? this.index.report() : [],
      openTooltip: this.tooltip.currentId ? { id: this.tooltip.currentId } : null,
    };
  }

  /** Scroll to the first occurrence of an entry and open its tooltip (popup "On this page"). */
  reveal(id: string): boolean {
    const entry = this.options.source.ids.indexOf(id);
    const match = entry >= 0 ? this.index.firstMatchOf(entry) : null;
    const hover = this.ensureHover();
    if (!match || !hover) return false;
    const el = match.nodes[0]!.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    hover.open(match, true, true);
    return true;
  }

  /** Keyboard path: open the next (or previous) term's tooltip, announced to screen readers. */
  step(direction: 1 | -1 = 1): string | null {
    const order = this.index.paintedInOrder();
    const hover = this.ensureHover();
    if (order.length === 0 || !hover) return null;
    this.stepCursor = (this.stepCursor + direction + order.length) % order.length;
    const match = order[this.stepCursor]!;
    match.nodes[0]!.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    hover.open(match, true, true);
    return this.options.source.ids[match.entry] ?? null;
  }

  /** Open the tooltip of an entry at a given rectangle (context menu on a selection). */
  showEntryAt(id: string, rect: DOMRect): boolean {
    const entry = this.options.source.ids.indexOf(id);
    if (entry < 0) return false;
    void this.tooltip.show(entry, { rect: () => rect }, { pin: true, announce: true, focus: true, definition: this.cardDefinition });
    return true;
  }

  /** A card's data: a page term's from its definition here, a glossary entry's from the background, with the page's note. */
  private async cardEntry(index: number): Promise<CardEntry | null> {
    const defined = this.options.source.defined;
    const own = defined.term(index);
    if (own) return pageTermCard(index, own);
    const entry = await this.options.loadEntry(index);
    const note = defined.note(index);
    return entry && note ? { ...entry, pageNote: note } : entry;
  }

  /**
   * Scroll to where the page defines a term and show it for a moment; false when the definition
   * is no longer on the page.
   */
  goToDefinition(id: string): boolean {
    const entry = this.options.source.ids.indexOf(id);
    const defined = this.options.source.defined;
    const sentence = defined.term(entry)?.sentence ?? defined.note(entry);
    const range = sentence ? findSentence(this.doc, sentence, this.life.shadowRoots) : null;
    if (!range) return false;
    this.tooltip.hide();
    (range.startContainer.parentElement ?? this.doc.body).scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    flash(this.doc.defaultView as Window & typeof globalThis, range);
    return true;
  }

  // A new document starts with an empty badge: a page without terms never needs to say so.
  private lastCount = 0;
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  private repaint(): void {
    const painted = this.index.paintSet();
    const glossary: Range[] = [];
    const own: Range[] = [];
    const known: Range[] = [];
    for (const m of painted) (isPageEntry(m.entry) ? own : this.index.isKnown(m.entry) ? known : glossary).push(m.range);
    this.painter.paint(glossary, own, known);
    if (painted.length > 0) this.ensureHover();
    // The badge need not follow every slice: report the count at most every 300 ms.
    if (this.index.unknownCount !== this.lastCount && this.countTimer === undefined) {
      this.countTimer = setTimeout(() => {
        this.countTimer = undefined;
        if (this.index.unknownCount === this.lastCount) return;
        this.lastCount = this.index.unknownCount;
        this.options.onTermCount?.(this.lastCount);
      }, 300);
    }
  }
}
