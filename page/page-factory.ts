/**
 * Where the full page's script leaves its factory: a property of the content scripts' own
 * global (an isolated world the page cannot see), like the tooltip UI's (tooltip.ts).
 *
 * The content script carries only the light page (light-page.ts); the background injects the
 * full page's script (entrypoints/page-ui.ts) into a frame the first time it has a term to show.
 * Cost: none (a name and a type).
 * Must never: import the full page's code (the content script imports this file).
 */
import type { GlossaryPage, GlossaryPageOptions } from './glossary-page';

export type PageFactory = (doc: Document, options: GlossaryPageOptions) => GlossaryPage;

/** Versioned like TOOLTIP_UI_KEY (tooltip.ts), for the same reason. */
export const PAGE_UI_KEY = `__alignmentGlossaryPageUi@${__APP_VERSION__}`;
