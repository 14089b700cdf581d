/**
 * Where the full page's script (entrypoints/page-ui.ts) leaves its factory: the content scripts'
 * own isolated global, like the tooltip UI's (tooltip.ts).
 * Cost: none (a name and a type).
 * Must never: import the full page's code (the content script imports this file).
 */
import type { GlossaryPage, GlossaryPageOptions } from '../full/glossary-page';

export type PageFactory = (doc: Document, options: GlossaryPageOptions) => GlossaryPage;

/** Versioned like TOOLTIP_UI_KEY (tooltip.ts), for the same reason. */
export const PAGE_UI_KEY = `__alignmentGlossaryPageUi@${__APP_VERSION__}`;
