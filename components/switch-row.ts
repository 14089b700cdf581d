/**
 * Switch row: a labelled on/off switch (a checkbox with role="switch", so screen readers say
 * "on"/"off" and the keyboard works without extra code).
 */
import { h } from './dom';

export function switchRow(
  doc: Document,
  id: string,
  label: string,
  checked: boolean,
  onChange: (on: boolean) => void,
  disabled = false,
): HTMLElement {
  const input = h(doc, 'input', { type: 'checkbox', role: 'switch', id, class: 'switch' });
  input.checked = checked;
  input.disabled = disabled;
  input.addEventListener('change', () => onChange(input.checked));
  return h(doc, 'div', { class: 'switch-row' }, input, h(doc, 'label', { for: id }, label));
}
