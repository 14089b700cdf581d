/**
 * Open shadow roots, where web components keep their text: found under a node (nested too) for
 * the scanner, painter and hit test. Closed ones are private to their page and stay so.
 * Cost: one element walk per call (O(elements)); called once per scan root.
 * Must never: attach, open or modify a page's shadow root beyond adopting our highlight styles.
 */
export function openShadowRoots(root: Node): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  function take(el: Element): void {
    const sr = el.shadowRoot;
    if (sr && sr.mode === 'open') {
      out.push(sr);
      visit(sr);
    }
  }
  function visit(start: Node): void {
    const doc = start.ownerDocument ?? (start as Document);
    const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) take(n as Element);
  }
  // The root itself may be a host too (a block element the page just added).
  if (root.nodeType === Node.ELEMENT_NODE) take(root as Element);
  visit(root);
  return out;
}

/** Add the ::highlight rules to a shadow root: document styles do not reach inside it. */
export function adoptHighlightStyles(sr: ShadowRoot, sheet: CSSStyleSheet): void {
  try {
    const others = sr.adoptedStyleSheets.filter((s) => s !== sheet && !isOurs(s));
    sr.adoptedStyleSheets = [...others, sheet];
  } catch {
    // A sheet from another document or an engine that refuses: highlights stay unstyled there.
  }
}

/** Take our rules out again (the extension is turned off for the page, or replaced). */
export function removeHighlightStyles(sr: ShadowRoot, sheet: CSSStyleSheet): void {
  try {
    if (sr.adoptedStyleSheets.includes(sheet)) sr.adoptedStyleSheets = sr.adoptedStyleSheets.filter((s) => s !== sheet);
  } catch {
    // Nothing to undo.
  }
}

/** A sheet left by an earlier copy of this content script: its rules name our highlights. */
function isOurs(s: CSSStyleSheet): boolean {
  try {
    return [...s.cssRules].some((r) => r.cssText.includes('::highlight(alignment-glossary-'));
  } catch {
    return false;
  }
}
