/**
 * Tooltip UI script: tippy, the card components and their styles, kept out of the content
 * script that every page loads. The background injects it into a page's content-script world
 * the first time a card is needed there (see page/lazy-tooltip.ts); it leaves its factory on
 * that world's global, which the page itself cannot see.
 */
import tippyCss from 'tippy.js/dist/tippy.css?inline';
import tooltipCss from '@/page/tooltip.css?inline';
import { GlossaryTooltip } from '@/page/glossary-tooltip';
import { TOOLTIP_UI_KEY, type TooltipFactory } from '@/page/tooltip';

export default defineUnlistedScript(() => {
  const css = `${tippyCss}\n${tooltipCss}`;
  const factory: TooltipFactory = (doc, entries) => new GlossaryTooltip(doc, entries, css);
  (globalThis as unknown as Record<string, TooltipFactory>)[TOOLTIP_UI_KEY] = factory;
});
