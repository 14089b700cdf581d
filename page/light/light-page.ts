/**
 * Light page: first looks (first-look.ts) at the body, its shadow roots and later changes. The
 * first root to walk, or a card request, loads the full page and hands it everything in one task.
 * Cost: per root, one first look; one MutationObserver. The full page's script once, on need.
 * Must never: walk, paint or add to the page; load the full page for a page with nothing to show.
 */
import { TopicGate } from '../../matching/topic-gate';
import type { PageTermsReport } from '../../messaging/contract';
import type { HighlightStyle, KnownStyle } from '../../settings/settings';
import { HeldRoots, lookAt, nextStep, type Look } from '../shared/first-look';
import type { GlossaryPage, GlossaryPageOptions, Handover } from '../full/glossary-page';
import type { MutationBatch } from '../shared/mutation-batcher';
import type { PageFactory } from '../shared/page-factory';
import { PageLifecycle } from '../shared/page-lifecycle';
import { withRoot } from '../shared/root-set';
import { yieldToPage } from '../shared/yield-to-page';
import type { PaintMode } from '../full/term-index';

export interface LightPageOptions {
  /** What the full page is made with (its match source also serves the first looks). */
  page: GlossaryPageOptions;
  /** The full page's code, loaded on first need. */
  loadPage: () => Promise<PageFactory>;
}

export class LightPage {
  private full: GlossaryPage | null = null;
  private loading: Promise<GlossaryPage | null> | null = null;
  private readonly life: PageLifecycle;
  private queue: Node[] = [];
  /** The root being looked at (handed over as it is when the full page arrives meanwhile). */
  private current: Node | null = null;
  private running: Promise<void> | null = null;
  private walks: Look[] = [];
  private held = new HeldRoots();
  /** Nothing is walked here, so this gate only ever counts the keywords of held roots. */
  private readonly gate = new TopicGate();
  private failed = false;
  /** Bumped by stop(): a look that was under way then is dropped when it returns. */
  private generation = 0;
  private scannedChars = 0;
  private scanMs = 0;
  private mode: PaintMode;
  private style: HighlightStyle | undefined;
  private cardDefinition = false;
  private knownTerms: readonly string[] = [];
  private knownStyle: KnownStyle = 'fade';

  constructor(
    private readonly doc: Document,
    private readonly options: LightPageOptions,
  ) {
    this.mode = options.page.mode ?? 'first';
    this.style = options.page.style;
    this.life = new PageLifecycle(doc, (batch) => this.onBatch(batch));
  }

  private get enabled(): boolean {
    return this.life.enabled;
  }

  /** Begin (or resume) looking; resolves when the roots queued so far have been looked at. */
  start(): Promise<void> {
    if (this.full) return this.full.start();
    if (!this.life.turnOn()) return this.running ?? Promise.resolve();
    return this.doc.body ? this.lookAtTree(this.doc.body) : Promise.resolve();
  }

  /** Stop looking and forget what was seen (the page is turned off, or replaced). */
  stop(): void {
    if (this.full) return this.full.stop();
    if (!this.life.turnOff()) return;
    this.generation++;
    // A run under way ends at its next check; a later start() begins a new one.
    this.running = null;
    this.queue = [];
    this.walks = [];
    this.held = new HeldRoots();
    this.scannedChars = 0;
    this.scanMs = 0;
  }

  /** Look at the page again from the start (the reader's own terms changed). */
  refresh(): Promise<void> {
    if (this.full) return this.full.refresh();
    if (!this.enabled) return Promise.resolve();
    this.stop();
    return this.start();
  }

  setMode(mode: PaintMode): void {
    this.mode = mode;
    this.full?.setMode(mode);
  }

  setStyle(style: HighlightStyle): void {
    this.style = style;
    this.full?.setStyle(style);
  }

  setCardDefinition(on: boolean): void {
    this.cardDefinition = on;
    this.full?.setCardDefinition(on);
  }

  setKnown(ids: readonly string[], style: KnownStyle): void {
    this.knownTerms = ids;
    this.knownStyle = style;
    this.full?.setKnown(ids, style);
  }

  report(): PageTermsReport {
    if (this.full) return this.full.report();
    const busy = this.running !== null || (this.loading !== null && this.enabled);
    return {
      status: this.life.status(busy ? 'scanning' : 'done'),
      scannedChars: this.scannedChars,
      scanMs: Math.round(this.scanMs * 100) / 100,
      terms: [],
      openTooltip: null,
    };
  }

  /** Until the full page is here there is no term to reveal or step to. */
  async reveal(id: string): Promise<boolean> {
    const full = this.full ?? (await this.loading);
    return full ? full.reveal(id) : false;
  }

  async step(direction: 1 | -1 = 1): Promise<string | null> {
    const full = this.full ?? (await this.loading);
    return full ? full.step(direction) : null;
  }

  /** A card for a selection: worth loading the full page for, even on a page without terms. */
  async showEntryAt(id: string, rect: DOMRect): Promise<boolean> {
    const full = await this.loadFull();
    return full ? full.showEntryAt(id, rect) : false;
  }

  private onBatch(batch: MutationBatch): void {
    if (batch.full) {
      if (this.doc.body) void this.lookAtTree(this.doc.body);
    } else for (const r of batch.roots) void this.lookAtTree(r);
  }

  private lookAtTree(root: Node): Promise<void> {
    this.enqueue(root);
    for (const sr of this.life.shadowRootsIn(root)) this.enqueue(sr);
    return (this.running ??= this.run());
  }

  private enqueue(root: Node): void {
    const queue = withRoot(this.queue, root);
    if (queue === this.queue) return;
    this.queue = queue;
    // Looked at again as a whole: what was held inside it is decided again with it.
    this.held.dropInside(root);
  }

  private async run(): Promise<void> {
    const generation = this.generation;
    const live = () => this.enabled && !this.full && !this.failed && generation === this.generation;
    try {
      // The read in a task of its own, apart from the set-up before it (the observer, the
      // shadow-root search): on a very large page the two together come near a long task.
      await yieldToPage();
      while (this.queue.length && live()) {
        const root = this.queue.shift()!;
        if (!root.isConnected) continue;
        this.current = root;
        let look: Look | null;
        try {
          const pending = lookAt(root, this.options.page.source);
          this.scanMs += pending.ms;
          look = await pending.look;
        } catch (err) {
          if (generation === this.generation) this.fail(err);
          return;
        } finally {
          this.current = null;
        }
        if (!live() || !look) continue;
        const step = nextStep(look.result.evidence, this.gate, this.held.keywords);
        if (step === 'walk') {
          this.walks.push(look);
          void this.loadFull();
          continue;
        }
        this.scannedChars += look.snapshot.chars;
        if (step === 'hold') this.held.hold(look);
      }
    } finally {
      if (generation === this.generation) this.running = null;
    }
  }

  private fail(err: unknown): void {
    if (!this.failed) console.warn('Alignment Glossary: could not match this page', err);
    this.failed = true;
  }

  private loadFull(): Promise<GlossaryPage | null> {
    if (this.full) return Promise.resolve(this.full);
    return (this.loading ??= this.options.loadPage().then(
      (factory) => this.handOver(factory),
      (err: unknown) => {
        console.warn('Alignment Glossary: could not load the page script', err);
        this.loading = null;
        return null;
      },
    ));
  }

  /** Runs in one task: nothing the page does can fall between the light and the full watcher. */
  private handOver(factory: PageFactory): GlossaryPage {
    const full = factory(this.doc, {
      ...this.options.page,
      mode: this.mode,
      style: this.style,
      cardDefinition: this.cardDefinition,
      knownTerms: this.knownTerms,
      knownStyle: this.knownStyle,
    });
    if (this.enabled) {
      // Held roots are read again by the full page: their characters count there.
      const scannedChars = this.scannedChars - this.held.chars;
      const from: Handover = {
        looks: this.walks,
        roots: [...this.held.takeAll(), ...(this.current ? [this.current] : []), ...this.queue, ...this.life.drain()],
        shadowRoots: [...this.life.shadowRoots],
        scannedChars,
        scanMs: this.scanMs,
      };
      // The light watcher ends and the full one begins in this same task.
      this.stop();
      this.full = full;
      void full.start(from);
    } else {
      this.full = full;
      if (this.life.decided) full.stop();
    }
    return full;
  }
}
