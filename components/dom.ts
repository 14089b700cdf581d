/**
 * A tiny element builder, the only way UI in this project creates DOM: `h('p', { class: 'gist' },
 * 'text', child)` sets attributes with setAttribute and children with append, so strings always
 * become text nodes. Cost: what the equivalent createElement calls cost.
 * Must never: assign innerHTML or outerHTML, or set `on*` attributes from strings.
 */
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (/^on/i.test(k)) throw new Error(`h(): event handler attributes are not allowed (${k})`);
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}
