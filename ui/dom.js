// @ts-check
/**
 * A small element builder, so views read as the tree they draw. Text always goes in as text
 * (never as HTML): the only HTML the page inserts is the core's sanitized Markdown.
 */

import { num } from './i18n.js';

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
    // A button of words is named by its words (what a speech-input user says); one of a
    // symbol (‹, ›) by its title.
    if (!/\p{L}/u.test(text)) b.setAttribute('aria-label', options.title);
  }
  return b;
}

/**
 * A `<select>` of `options` ([value, label] pairs), with `value` chosen.
 * @param {string} name the accessible name
 * @param {[string, string][]} options
 * @param {string} value
 * @param {string} [testid]
 */
export function select(name, options, value, testid) {
  const s = el('select', { testid, attrs: { name, 'aria-label': name } });
  for (const [v, label] of options) {
    const o = el('option', { text: label, attrs: { value: v } });
    o.selected = v === value;
    s.append(o);
  }
  return s;
}

/**
 * The [value, label] pairs of a table of labels keyed by a generated union (`Record<Theme,
 * string>`): typing the table with the union makes the type check fail on a value the core
 * does not have, and on one it has that the table lacks.
 * @template {string} K
 * @param {Record<K, string>} labels
 * @returns {[K, string][]}
 */
export function choices(labels) {
  return /** @type {[K, string][]} */ (Object.entries(labels));
}

/**
 * A mean to one decimal, or a dash when there is none.
 * @param {number | null} n
 */
export const fmt = (n) => (n === null ? '–' : num(n, 1));
