/** Element builder: text children become text nodes, never markup, so data stays inert. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** Text in its own direction (numbers and IDs inside Arabic text). */
export function isolate(text: string, dir: 'ltr' | 'auto' = 'ltr'): HTMLElement {
  return h('bdi', { dir }, text);
}
