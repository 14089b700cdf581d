/**
 * Tooltip UI script: tippy, the card components and styles, kept out of the content script;
 * injected into a page's content-script world for the first card (page/full/lazy-tooltip.ts).
 * Cost: compiled only in frames where a card is shown.
 * Must never: leave its factory where the page can see it (page/shared/tooltip.ts says where).
 */
import tippyCss from 'tippy.js/dist/tippy.css?inline';
import tooltipCss from '@/page/tooltip/tooltip.css?inline';
import { GlossaryTooltip } from '@/page/tooltip/glossary-tooltip';
import { TOOLTIP_UI_KEY, type TooltipFactory } from '@/page/shared/tooltip';

export default defineUnlistedScript(() => {
  const css = `${tippyCss}\n${tooltipCss}`;
  const factory: TooltipFactory = (doc, entries, actions) => new GlossaryTooltip(doc, entries, css, actions);
  (globalThis as unknown as Record<string, TooltipFactory>)[TOOLTIP_UI_KEY] = factory;
});
