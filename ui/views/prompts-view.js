// @ts-check
/**
 * The prompt library (`#/prompts`): write prompts of your own, edit any prompt, hide the ones
 * that do not fit and bring hidden ones back, delete your own. Every change goes through the
 * core and the list is redrawn from what the core answers.
 */

import { button, choices, el, select } from '../dom.js';
import { t } from '../i18n.js';

/** @typedef {import('../bindings/Prompt').Prompt} Prompt */
/** @typedef {import('../bindings/PromptFields').PromptFields} PromptFields */
/** @typedef {import('../bindings/Side').Side} Side */
/** @typedef {import('../bindings/Cadence').Cadence} Cadence */
/** @typedef {import('../bindings/Theme').Theme} Theme */
/**
 * @typedef {{
 *   list: () => Promise<Prompt[]>,
 *   add: (fields: PromptFields) => Promise<Prompt>,
 *   edit: (id: string, fields: PromptFields) => Promise<Prompt>,
 *   remove: (id: string) => Promise<void>,
 *   setHidden: (id: string, hidden: boolean) => Promise<Prompt>,
 * }} PromptApi
 */

/** @returns {Record<Side, string>} */
const sides = () => ({ role: t('side-role'), self: t('side-self'), bridge: t('side-bridge') });
/** @returns {Record<Cadence, string>} */
const cadences = () => ({ daily: t('cadence-daily'), weekly: t('cadence-weekly') });
/** The order the list shows prompts in: by cadence, then by side, as the tables list them. */
const ORDER = {
  cadence: /** @type {Cadence[]} */ (['daily', 'weekly']),
  side: /** @type {Side[]} */ (['role', 'self', 'bridge']),
};
/** @returns {Record<Theme, string>} */
const themes = () => ({
  boundaries: t('theme-boundaries'),
  pressure: t('theme-pressure'),
  recovery: t('theme-recovery'),
  values: t('theme-values'),
  change: t('theme-change'),
  relationships: t('theme-relationships'),
  identity: t('theme-identity'),
  perspective: t('theme-perspective'),
});

/**
 * A form for a prompt's fields.
 * @param {PromptFields} initial
 * @param {string} submitText
 * @param {(fields: PromptFields) => Promise<void>} submit
 * @param {(() => void) | null} cancel
 * @param {string} testid
 */
function promptForm(initial, submitText, submit, cancel, testid) {
  const text = el('textarea', { class: 'prompt-input', testid: `${testid}-text`, attrs: { rows: '2', maxlength: '600', placeholder: t('prompt-placeholder'), 'aria-label': t('prompt-text-label') } });
  text.value = initial.text;
  const side = select(t('prompt-side'), choices(sides()), initial.side);
  const cadence = select(t('prompt-cadence'), choices(cadences()), initial.cadence);
  const theme = select(t('prompt-theme'), choices(themes()), initial.theme);
  const error = el('p', { class: 'form-error', testid: `${testid}-error` });
  const form = el(
    'form',
    { class: 'prompt-form', testid },
    text,
    el('div', { class: 'prompt-form-row' }, side, cadence, theme, el('button', { class: 'primary', text: submitText, testid: `${testid}-submit`, attrs: { type: 'submit' } }), cancel && button(t('cancel'), cancel)),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await submit({
        text: text.value,
        side: /** @type {Side} */ (side.value),
        cadence: /** @type {Cadence} */ (cadence.value),
        theme: /** @type {Theme} */ (theme.value),
      });
    } catch (e) {
      error.textContent = /** @type {{ message?: string }} */ (e).message ?? String(e);
    }
  });
  return form;
}

export class PromptsView {
  /**
   * @param {HTMLElement} root
   * @param {PromptApi} api
   */
  constructor(root, api) {
    this.api = api;
    /** @type {'all' | 'mine' | 'hidden'} */
    this.filter = 'all';
    /** @type {Prompt[]} */
    this.prompts = [];
    this.list = el('ul', { class: 'prompt-list', testid: 'prompt-list' });
    this.count = el('p', { class: 'prompt-count' });
    const filters = el('div', { class: 'segmented', attrs: { role: 'group', 'aria-label': t('prompts-filter') } });
    for (const [value, label] of /** @type {['all' | 'mine' | 'hidden', string][]} */ ([['all', t('prompts-all')], ['mine', t('prompts-mine')], ['hidden', t('prompts-hidden')]])) {
      const b = button(label, () => {
        this.filter = value;
        for (const other of filters.children) other.setAttribute('aria-pressed', String(other === b));
        this.draw();
      }, { testid: `filter-${value}` });
      b.setAttribute('aria-pressed', String(value === 'all'));
      filters.append(b);
    }
    const add = promptForm(
      { text: '', side: 'self', cadence: 'daily', theme: 'values' },
      t('prompt-add'),
      async (fields) => {
        await this.api.add(fields);
        const text = add.querySelector('textarea');
        if (text) text.value = '';
        await this.reload();
      },
      null,
      'add-prompt',
    );
    root.replaceChildren(
      el(
        'article',
        { class: 'prompts-page', testid: 'prompts-page' },
        el('header', { class: 'page-head' }, el('h1', { text: t('nav-prompts') }), el('p', { class: 'page-hint', text: t('prompts-hint') })),
        el('section', { class: 'card' }, el('h2', { text: t('prompts-write') }), add),
        el('div', { class: 'list-head' }, filters, this.count),
        this.list,
      ),
    );
  }

  async reload() {
    this.prompts = await this.api.list();
    this.draw();
  }

  draw() {
    const shown = this.prompts
      .filter((p) => (this.filter === 'mine' ? p.origin === 'user' : this.filter === 'hidden' ? p.hidden : true))
      .sort(
        (a, b) =>
          Number(b.origin === 'user') - Number(a.origin === 'user') ||
          ORDER.cadence.indexOf(a.cadence) - ORDER.cadence.indexOf(b.cadence) ||
          ORDER.side.indexOf(a.side) - ORDER.side.indexOf(b.side) ||
          a.id.localeCompare(b.id, undefined, { numeric: true }),
      );
    this.count.textContent = t('prompts-count', { shown: shown.length, total: this.prompts.length });
    this.list.replaceChildren(...shown.map((p) => this.row(p)));
  }

  /** @param {Prompt} p */
  row(p) {
    const li = el('li', { class: `prompt-row${p.hidden ? ' is-hidden' : ''}`, testid: 'prompt-row', attrs: { 'data-id': p.id } });
    const meta = [sides()[p.side], cadences()[p.cadence], themes()[p.theme], p.origin === 'user' ? t('prompt-yours') : p.edited ? t('prompt-edited') : null].filter(Boolean).join(' · ');
    const act = (/** @type {() => Promise<unknown>} */ f) => async () => {
      try {
        await f();
        await this.reload();
      } catch (e) {
        li.append(el('p', { class: 'form-error', text: /** @type {{ message?: string }} */ (e).message ?? String(e) }));
      }
    };
    const edit = () => {
      li.replaceChildren(
        promptForm(p, t('save'), async (fields) => {
          await this.api.edit(p.id, fields);
          await this.reload();
        }, () => this.draw(), 'edit-prompt'),
      );
    };
    li.append(
      el('p', { class: 'prompt-row-text', text: p.text }),
      el(
        'div',
        { class: 'prompt-row-foot' },
        el('span', { class: 'prompt-meta', text: meta }),
        el(
          'span',
          { class: 'prompt-row-actions' },
          button(p.hidden ? t('prompt-show-again') : t('prompt-hide'), act(() => this.api.setHidden(p.id, !p.hidden)), { testid: p.hidden ? 'prompt-unhide' : 'prompt-hide' }),
          button(t('side-edit'), edit, { testid: 'prompt-edit' }),
          p.origin === 'user' && button(t('prompt-delete'), act(() => this.api.remove(p.id)), { testid: 'prompt-delete' }),
        ),
      ),
    );
    return li;
  }
}
