// A few lines of DOM building, so the panel reads as its structure.
type Child = Node | string | false | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const c of children) if (c !== false && c !== undefined) el.append(c);
  return el;
}

/** Text that only screen readers read. */
export const hidden = (text: string) => h('span', { class: 'try-it-sr' }, text);
