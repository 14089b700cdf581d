/**
 * Lazy tooltip: stands in for the real one (closed, owns nothing) until `preload()` (first hover)
 * or `show()` loads the UI; a hide or show issued while it loads wins over the earlier show.
 * Cost: nothing until the first hover, reveal or keyboard step; then one load per page.
 * Must never: throw into the page when the UI cannot load (the card just stays closed).
 */
import type { EntryCache } from './entry-cache';
import type { ShowOptions, Tooltip, TooltipActions, TooltipAnchor, TooltipFactory } from '../shared/tooltip';

export class LazyTooltip implements Tooltip {
  private real: Tooltip | null = null;
  private loading: Promise<Tooltip | null> | null = null;
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly entries: EntryCache,
    private readonly loadFactory: () => Promise<TooltipFactory>,
    private readonly actions?: TooltipActions,
  ) {}

  get isOpen(): boolean {
    return this.real?.isOpen ?? false;
  }

  get pinned(): boolean {
    return this.real?.pinned ?? false;
  }

  get currentId(): string | null {
    return this.real?.currentId ?? null;
  }

  owns(target: EventTarget | null): boolean {
    return this.real?.owns(target) ?? false;
  }

  /** Start loading the UI; resolves to the real tooltip, or null when it cannot load. */
  preload(): Promise<Tooltip | null> {
    if (this.real) return Promise.resolve(this.real);
    this.loading ??= this.loadFactory().then(
      (factory) => (this.real = factory(this.doc, this.entries, this.actions)),
      () => {
        // Let a later hover try again (the extension may have been reloaded meanwhile).
        this.loading = null;
        return null;
      },
    );
    return this.loading;
  }

  async show(entry: number, anchor: TooltipAnchor, options?: ShowOptions): Promise<void> {
    const gen = ++this.generation;
    const tip = this.real ?? (await this.preload());
    if (tip && gen === this.generation) await tip.show(entry, anchor, options);
  }

  hide(): void {
    this.generation++;
    this.real?.hide();
  }

  reposition(): void {
    this.real?.reposition();
  }

  destroy(): void {
    this.generation++;
    this.real?.destroy();
  }
}
