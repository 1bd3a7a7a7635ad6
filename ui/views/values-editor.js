// @ts-check
/**
 * The person's values, in their own words: up to seven rows of a name and an optional line on
 * what it looks like in practice. Shared by Settings and the first-run welcome. The core keeps
 * the ids (a value named again keeps its history) and checks the list (3 to 7, or none).
 */

import { el } from '../dom.js';
import { t } from '../i18n.js';

/** @typedef {import('../bindings/ValueBook').ValueBook} ValueBook */
/** @typedef {import('../bindings/ValueDraft').ValueDraft} ValueDraft */

const ROWS = 7;
const examples = () => [t('value-example-1'), t('value-example-2'), t('value-example-3')];

/**
 * @param {ValueBook} book
 * @param {{ save: (values: ValueDraft[]) => Promise<ValueBook> }} deps
 */
export function valuesEditor(book, { save }) {
  /** @type {{ name: HTMLInputElement, practice: HTMLInputElement }[]} */
  const rows = [];
  const list = el('ol', { class: 'values-editor', testid: 'values-editor' });
  const example = examples();
  for (let i = 0; i < ROWS; i++) {
    const name = el('input', { class: 'value-name-input', testid: `value-name-${i}`, attrs: { type: 'text', maxlength: '80', placeholder: i < 3 ? t('value-example', { example: example[i] }) : '', 'aria-label': t('value-n', { n: i + 1 }) } });
    const practice = el('input', { class: 'value-practice-input', testid: `value-practice-${i}`, attrs: { type: 'text', maxlength: '200', placeholder: t('value-practice-placeholder'), 'aria-label': t('value-practice-n', { n: i + 1 }) } });
    rows.push({ name, practice });
    list.append(el('li', { class: 'value-row' }, name, practice));
  }
  const status = el('p', { class: 'page-hint', testid: 'values-status', attrs: { role: 'status' } });
  /** @param {ValueBook} b */
  const fill = (b) => {
    const active = b.values.filter((v) => v.active);
    rows.forEach((row, i) => {
      row.name.value = active[i]?.name ?? '';
      row.practice.value = active[i]?.practice ?? '';
    });
    const retired = b.values.filter((v) => !v.active);
    status.textContent = retired.length ? t('values-retired', { names: retired.map((v) => v.name).join(', ') }) : '';
  };
  fill(book);
  /** @returns {ValueDraft[]} */
  const drafts = () =>
    rows
      .filter((r) => r.name.value.trim())
      .map((r) => ({ name: r.name.value, practice: r.practice.value }));
  /** Saves the list; throws the core's error (nothing is stored then). */
  const store = async () => {
    const stored = await save(drafts());
    fill(stored);
    const n = stored.values.filter((v) => v.active).length;
    status.textContent = n ? `${t('values-saved', { n })} ${status.textContent}` : t('values-none');
    return stored;
  };
  return { element: el('div', { class: 'values-box' }, list, status), store, count: () => drafts().length };
}
