// @ts-check
/**
 * A small element builder, so views read as the tree they draw. Text always goes in as text
 * (never as HTML): the only HTML the page inserts is the core's sanitized Markdown.
 */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{ class?: string, testid?: string, text?: string, attrs?: Record<string, string>, on?: Record<string, EventListener> }} [options]
 * @param {(Node | string | null | undefined | false)[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.testid) node.dataset.testid = options.testid;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const [type, listener] of Object.entries(options.on ?? {})) node.addEventListener(type, listener);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/**
 * A plain button.
 * @param {string} text
 * @param {() => void} onClick
 * @param {{ class?: string, testid?: string, title?: string }} [options]
 */
export function button(text, onClick, options = {}) {
  const b = el('button', { class: options.class, testid: options.testid, text, on: { click: () => onClick() } });
  b.type = 'button';
  if (options.title) {
    b.title = options.title;
    b.setAttribute('aria-label', options.title);
  }
  return b;
}
