/**
 * The tooltip as page code sees it: an interface and the UI script's factory, so the scanner side
 * never imports the UI (tippy, cards, styles), which loads for the first card.
 * Cost: nothing at run time (types only, plus one constant).
 * Must never: grow an import of the UI; that would put it back on every page's load path.
 */
import type { EntryCache } from '../full/entry-cache';

export interface TooltipAnchor {
  /** Where to point now (called again when the page scrolls while pinned). */
  rect(): DOMRect;
  /** The whole term, when it wraps over more lines than the one pointed at: the card avoids it all. */
  extent?(): DOMRect;
}

export interface ShowOptions {
  pin?: boolean;
  /** Also announce the entry to screen readers (keyboard and popup paths). */
  announce?: boolean;
  /** Move focus into the card (keyboard paths); Escape gives it back to where it was. */
  focus?: boolean;
  /** Open the card with its definition shown (the reader's option). */
  definition?: boolean;
}

export interface Tooltip {
  readonly isOpen: boolean;
  readonly pinned: boolean;
  /** Id of the entry on screen, or null. */
  readonly currentId: string | null;
  /** Whether an event target belongs to the tooltip. */
  owns(target: EventTarget | null): boolean;
  show(entry: number, anchor: TooltipAnchor, options?: ShowOptions): Promise<void>;
  hide(): void;
  reposition(): void;
  destroy(): void;
}

/** What a card can ask of the page it is on. */
export interface TooltipActions {
  /** Scroll to where the page defines the entry (page/full/glossary-page.ts); false when it cannot. */
  goToDefinition(id: string): boolean;
  /** Whether the reader marked the entry as known (the card's Mark as known shows it pressed). */
  isKnown?(id: string): boolean;
  /** Mark as known, or undo it. */
  setKnown?(id: string, known: boolean): void;
  /** A glossary entry's card was opened (the look-up history). */
  opened?(id: string): void;
}

export type TooltipFactory = (doc: Document, entries: EntryCache, actions?: TooltipActions) => Tooltip;

/**
 * Where the UI script leaves its factory: a property of the content scripts' own global (an
 * isolated world the page cannot see). The version is part of the key: after an update the world
 * may still hold the previous version's factory, which must not serve the new content script.
 */
export const TOOLTIP_UI_KEY = `__alignmentGlossaryTooltipUi@${__APP_VERSION__}`;
