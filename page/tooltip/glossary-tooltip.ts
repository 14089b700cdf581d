/**
 * Glossary tooltip: the one tippy instance, showing an entry's card by the hovered line box, with
 * related-term navigation, a back button and pinning.
 * Cost: tippy and the shadow host are created on the first show; each show builds one card.
 * Must never: pass HTML strings to tippy (allowHTML stays off), or exist twice on a page.
 */
import { pageScheme } from './page-scheme';
import tippy, { type Instance } from 'tippy.js';
import type { CardEntry } from '../../glossary/display-types';
import type { EntryCache } from '../full/entry-cache';
import { tooltipCard } from '../../components/tooltip-card';
import { createTooltipHost, type TooltipHost } from './tooltip-host';
import type { ShowOptions, Tooltip, TooltipActions, TooltipAnchor } from '../shared/tooltip';

/** Between the line and the card, and between the card and the window's edge (px). */
const GAP = 8;
const EDGE = 8;
/** The card box's padding and border around the card, top and bottom together (tooltip.css). */
const BOX = 26;
const MIN_ROOM = 120;
const MAX_CARD = 480;
/** Below this window width the card is a sheet across the window, at its foot (or top). */
export const SHEET_BELOW = 600;
/** A sheet takes at most this share of the window's height. */
const SHEET_SHARE = 0.55;

export class GlossaryTooltip implements Tooltip {
  private host: TooltipHost | null = null;
  private tip: Instance | null = null;
  private anchor: TooltipAnchor | null = null;
  private history: number[] = [];
  /** The entry on screen, or null when hidden. */
  current: number | null = null;
  private currentEntry: CardEntry | null = null;
  private returnFocus: HTMLElement | null = null;
  private expanded = false;
  pinned = false;
  /** Bumped on every show/hide/navigate, so a late-arriving entry never overrides a newer choice. */
  private generation = 0;
  /** Where the sheet stands in a narrow window (null: a card by the line). */
  private sheet: 'bottom' | 'top' | null = null;

  constructor(
    private readonly doc: Document,
    private readonly entries: EntryCache,
    private readonly css: string,
    private readonly actions?: TooltipActions,
  ) {}

  get isOpen(): boolean {
    return this.current !== null;
  }

  get currentId(): string | null {
    return this.current === null ? null : (this.currentEntry?.id ?? null);
  }

  /** Whether an event target or node belongs to the tooltip. */
  owns(target: EventTarget | null): boolean {
    return !!this.host && !!target && (target === this.host.host || this.host.host.contains(target as Node));
  }

  /** Show an entry; resolves once shown (or once a newer show/hide made this one moot). */
  async show(entry: number, anchor: TooltipAnchor, options: ShowOptions = {}): Promise<void> {
    const gen = ++this.generation;
    const data = this.entries.get(entry) ?? (await this.entries.load(entry));
    if (!data || gen !== this.generation) return;
    this.anchor = anchor;
    this.history = [];
    this.pinned = !!options.pin;
    this.expanded = !!options.definition;
    this.render(data);
    const tip = this.ensureTip();
    this.host!.raise();
    // The card follows the page: a dark site gets a dark card whatever the system says.
    tip.setProps({ theme: `glossary ${pageScheme(this.doc)}` });
    tip.show();
    this.place();
    if (options.announce) this.announce(data);
    if (options.focus) {
      const active = this.doc.activeElement;
      if (!this.owns(active)) this.returnFocus = active instanceof HTMLElement ? active : null;
      this.focusCard();
    }
  }

  pin(): void {
    this.pinned = true;
  }

  hide(): void {
    // Focus goes back to where the reader was before the keyboard brought it into the card.
    const back = this.returnFocus;
    this.returnFocus = null;
    const inside = this.host?.root.activeElement;
    if (back && inside instanceof HTMLElement) {
      inside.blur();
      // The body takes no focus(): leaving the card is enough to give it back.
      if (back !== this.doc.body) back.focus({ preventScroll: true });
    }
    this.generation++;
    this.current = null;
    this.currentEntry = null;
    this.pinned = false;
    this.history = [];
    this.tip?.hide();
  }

  /** Keep a pinned tooltip attached to its term while the page scrolls. */
  reposition(): void {
    this.place();
  }

  /** The pointed-at line's left and width, and the whole term's top and bottom (a wrapped term). */
  private referenceRect(): DOMRect {
    const line = this.anchor?.rect() ?? new DOMRect();
    const all = this.anchor?.extent?.();
    if (!all) return line;
    const top = Math.min(line.top, all.top);
    return new DOMRect(line.left, top, line.width, Math.max(line.bottom, all.bottom) - top);
  }

  /**
   * Below the hovered line when the card fits there or there is more room below, else above; its
   * height capped to the room on that side. The card never covers the line being read. In a
   * window narrower than SHEET_BELOW the card is a sheet across the window's foot, or its top when
   * the line lies where the sheet would be.
   */
  private place(): void {
    const tip = this.tip;
    const rect = this.anchor ? this.referenceRect() : null;
    const win = this.doc.defaultView;
    if (!tip || !rect || !win) return;
    const card = this.host?.root.querySelector<HTMLElement>('.card');
    const box = tip.popper.firstElementChild as HTMLElement | null;
    if (win.innerWidth < SHEET_BELOW) {
      const height = Math.floor(win.innerHeight * SHEET_SHARE);
      const natural = Math.min(height, card ? card.scrollHeight + BOX : height);
      // The sheet stands at the foot unless the line is where it would be; then at the top.
      this.sheet = rect.bottom + GAP <= win.innerHeight - EDGE - natural ? 'bottom' : 'top';
      card?.style.setProperty('max-height', `${Math.max(MIN_ROOM, height) - BOX}px`);
      box?.setAttribute('data-sheet', this.sheet);
      const placement = this.sheet === 'bottom' ? 'top-start' : 'bottom-start';
      if (tip.props.placement !== placement) tip.setProps({ placement });
      tip.popperInstance?.update();
      return;
    }
    this.sheet = null;
    box?.removeAttribute('data-sheet');
    const below = win.innerHeight - rect.bottom - GAP - EDGE;
    const above = rect.top - GAP - EDGE;
    const natural = card ? card.scrollHeight + BOX : 0;
    const side = below >= natural || below >= above ? 'bottom' : 'top';
    const room = Math.max(MIN_ROOM, side === 'bottom' ? below : above);
    card?.style.setProperty('max-height', `${Math.min(room, MAX_CARD) - BOX}px`);
    if (tip.props.placement !== `${side}-start`) tip.setProps({ placement: `${side}-start` });
    tip.popperInstance?.update();
  }

  /** What tippy places the card by: the line, or for a sheet the window's foot or top edge. */
  private anchorRect(): DOMRect {
    const win = this.doc.defaultView;
    if (!this.sheet || !win) return this.referenceRect();
    // The gap tippy keeps from its reference is taken back, so the sheet sits EDGE from the edge.
    const y = this.sheet === 'bottom' ? win.innerHeight - EDGE + GAP : EDGE - GAP;
    return new DOMRect(EDGE, y, win.innerWidth - 2 * EDGE, 0);
  }

  destroy(): void {
    this.tip?.destroy();
    this.tip = null;
    this.host?.destroy();
    this.host = null;
    this.current = null;
  }

  private async navigate(to: number): Promise<void> {
    const gen = ++this.generation;
    const data = await this.entries.load(to);
    if (!data || gen !== this.generation) return;
    if (this.current !== null) this.history.push(this.current);
    // Following a link is a deliberate act: keep the tooltip open until dismissed.
    this.pinned = true;
    this.render(data);
    this.place();
    this.focusCard();
  }

  private async back(): Promise<void> {
    const prev = this.history.pop();
    if (prev === undefined) return;
    const gen = ++this.generation;
    const data = await this.entries.load(prev);
    if (!data || gen !== this.generation) return;
    this.render(data);
    this.place();
    this.focusCard();
  }

  private render(entry: CardEntry): void {
    this.current = entry.index;
    this.currentEntry = entry;
    if (!entry.page && !entry.user) this.actions?.opened?.(entry.id);
    const card = tooltipCard(this.doc, entry, {
      onNavigate: (i) => void this.navigate(i),
      onBack: this.history.length ? () => void this.back() : undefined,
      onResize: () => this.place(),
      onGoToDefinition: this.actions && (entry.page || entry.pageNote) ? () => void this.actions!.goToDefinition(entry.id) : undefined,
      expanded: this.expanded,
      known: this.actions?.isKnown?.(entry.id) ?? false,
      onKnown: this.actions?.setKnown && !entry.page && !entry.user ? (known) => this.actions!.setKnown!(entry.id, known) : undefined,
    });
    const tip = this.ensureTip();
    tip.setContent(card);
    // The box is the dialog (tippy's role): it takes the entry's name, as the card does.
    tip.popper.firstElementChild?.setAttribute('aria-label', `${entry.term}: ${entry.page ? 'defined on this page' : 'glossary entry'}`);
  }

  private focusCard(): void {
    const first = this.host?.root.querySelector<HTMLElement>('.card button');
    first?.focus({ preventScroll: true });
  }

  private announce(e: CardEntry): void {
    if (this.host) this.host.live.textContent = `${e.term}: ${e.gist}`;
  }

  private ensureTip(): Instance {
    if (this.tip) return this.tip;
    this.host = createTooltipHost(this.doc, this.css);
    const reference = this.doc.createElement('span');
    this.host.root.append(reference);
    const layer = this.host.layer;
    this.tip = tippy(reference, {
      getReferenceClientRect: () => this.anchorRect(),
      appendTo: () => layer,
      allowHTML: false,
      interactive: true,
      trigger: 'manual',
      hideOnClick: false,
      placement: 'bottom-start',
      // Narrow windows (320 px phones) get a card as wide as the window allows.
      maxWidth: 'min(380px, calc(100vw - 16px))',
      theme: 'glossary',
      animation: 'fade',
      duration: [100, 80],
      offset: [0, GAP],
      zIndex: 2147483647,
      role: 'dialog',
      aria: { content: null, expanded: false },
      popperOptions: {
        strategy: 'fixed',
        // place() chooses the side; popper only slides the card along the line, never onto it.
        modifiers: [
          { name: 'flip', enabled: false },
          { name: 'preventOverflow', options: { padding: EDGE, altAxis: false } },
        ],
      },
    });
    return this.tip;
  }
}
