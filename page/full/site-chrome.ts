/**
 * Site chrome: whether a block is a page's furniture (banner, navigation, contents, tags, sidebar,
 * footer, a fixed or sticky box); terms are painted first outside it, and it is no topic evidence.
 * Cost: a `closest()` and one computed style per ancestor (cached); only for blocks with a match.
 * Must never: change the DOM or be asked for every block of a page.
 */

/** Landmarks that are never the main content. */
const FURNITURE = 'nav, aside, menu, [role="banner"], [role="navigation"], [role="complementary"], [role="contentinfo"], [role="search"]';
/** A page's header and footer; inside an article or section they are the article's own. */
const PAGE_EDGES = 'header, footer';
const SECTIONING = 'article, main, section, [role="main"], [role="article"]';
/** A block whose text is at least this share links is a list of links (contents, tags, menus). */
const LINK_SHARE = 0.8;

export class SiteChrome {
  /** Per block container: its answer. */
  private answers = new WeakMap<Element, boolean>();
  /** Per element: fixed or sticky, itself or an ancestor. */
  private placed = new WeakMap<Element, boolean>();

  constructor(private readonly win: Window) {}

  isChrome(el: Element | null): boolean {
    if (!el) return false;
    let chrome = this.answers.get(el);
    if (chrome === undefined) {
      const edge = el.closest(PAGE_EDGES);
      chrome = !!el.closest(FURNITURE) || (!!edge && !edge.parentElement?.closest(SECTIONING)) || this.isPinned(el) || isLinkList(el);
      this.answers.set(el, chrome);
    }
    return chrome;
  }

  /** Fixed or sticky, itself or an ancestor: a banner or bar that stays put while the page scrolls. */
  private isPinned(el: Element): boolean {
    const known = this.placed.get(el);
    if (known !== undefined) return known;
    const position = this.win.getComputedStyle(el).position;
    const pinned = position === 'fixed' || position === 'sticky' || (el.parentElement !== null && this.isPinned(el.parentElement));
    this.placed.set(el, pinned);
    return pinned;
  }
}

function isLinkList(el: Element): boolean {
  const links = el.querySelectorAll('a[href]');
  if (links.length === 0) return el.closest('a[href]') !== null && el.closest('li') !== null;
  const total = el.textContent?.trim().length ?? 0;
  if (total === 0) return false;
  let linked = 0;
  for (const a of links) linked += a.textContent?.trim().length ?? 0;
  return linked >= total * LINK_SHARE;
}
