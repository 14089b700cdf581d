/**
 * Tooltip host: one `<alignment-glossary-ui>` on <html> with a shadow root of adopted styles,
 * shown as a manual popover (top layer, above any z-index); inline !important beats hostile CSS.
 * Cost: created lazily on the first hover, once per page; nothing at page load.
 * Must never: put anything inside <body>, or read the page's styles.
 */
import { OWN_UI_TAG } from '../shared/text-walker';

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  inset: '0',
  width: '100vw',
  height: '100vh',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'visible',
  'pointer-events': 'none',
  'z-index': '2147483647',
  'max-width': 'none',
  'max-height': 'none',
  color: 'initial',
};

export interface TooltipHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Container that tippy appends poppers to. */
  layer: HTMLElement;
  /** Polite live region for announcements. */
  live: HTMLElement;
  /** Re-assert top-layer placement (call when showing). */
  raise(): void;
  destroy(): void;
}

export function createTooltipHost(doc: Document, css: string): TooltipHost {
  const host = doc.createElement(OWN_UI_TAG.toLowerCase());
  for (const [k, v] of Object.entries(HOST_STYLE)) host.style.setProperty(k, v, 'important');
  const popover = 'popover' in host;
  if (popover) host.setAttribute('popover', 'manual');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, root, css);
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const live = doc.createElement('div');
  live.className = 'sr-only';
  live.setAttribute('aria-live', 'polite');
  root.append(layer, live);
  doc.documentElement.append(host);

  const raise = () => {
    if (!host.isConnected) doc.documentElement.append(host);
    if (!popover) return;
    try {
      // Re-showing moves us to the top of the top layer, above popovers the page opened since.
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    } catch {
      // Popover unavailable (e.g. host detached mid-call): the z-index still applies.
    }
  };
  raise();
  return { host, root, layer, live, raise, destroy: () => host.remove() };
}

function adoptStyles(doc: Document, root: ShadowRoot, css: string): void {
  try {
    const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Engines where adopting from an isolated world fails: a <style> inside our own shadow root.
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
