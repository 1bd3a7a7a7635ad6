// @ts-check
/**
 * The first-run welcome (`#/welcome`), offered once to a new, empty journal: what the two
 * columns are for, the working week (end of work, review days, week start, reflection day), the
 * reminders (each off unless turned on here), the person's values, and the offer of a passphrase. Every step can be skipped, and everything is
 * in Settings later. Each step saves through the core as it is left; finishing (or skipping the
 * rest) tells the core the welcome was done, so it is not offered again.
 */

import { el } from '../dom.js';
import { t } from '../i18n.js';
import { workFields } from './settings-view.js';
import { valuesEditor } from './values-editor.js';
import { reminderFields } from './reminder-fields.js';

/** @typedef {import('../bindings/SettingsDto').SettingsDto} SettingsDto */

/**
 * @typedef {{
 *   settings: SettingsDto,
 *   book: import('../bindings/ValueBook').ValueBook,
 *   saveSettings: (s: SettingsDto) => Promise<SettingsDto>,
 *   saved: (s: SettingsDto) => void,
 *   setValues: (values: import('../bindings/ValueDraft').ValueDraft[]) => Promise<import('../bindings/ValueBook').ValueBook>,
 *   setPassphrase: (passphrase: string, removeOldBackups: boolean) => Promise<void>,
 *   finish: () => Promise<void>,
 *   failed: (message: string) => void,
 * }} WelcomeDeps
 */

const STEPS = 5;

export class WelcomeView {
  /**
   * @param {HTMLElement} root
   * @param {WelcomeDeps} deps
   */
  constructor(root, deps) {
    this.root = root;
    this.deps = deps;
    this.step = 0;
    this.work = workFields(deps.settings);
    this.reminders = reminderFields(deps.settings);
    this.values = valuesEditor(deps.book, { save: deps.setValues });
    this.draw();
  }

  /** @param {unknown} e */
  fail(e) {
    this.deps.failed(/** @type {{ message?: string }} */ (e).message ?? String(e));
  }

  /**
   * One step: its title, its words, its controls, and its two ways on.
   * @param {string} title
   * @param {(HTMLElement | string | null)[]} body
   * @param {{ next: string, onNext: () => Promise<boolean>, skip?: string }} actions
   */
  frame(title, body, actions) {
    const next = el('button', { class: 'choice primary-choice', testid: 'welcome-next', text: actions.next, attrs: { type: 'submit' } });
    const skip = actions.skip ? el('button', { class: 'choice', testid: 'welcome-skip', text: actions.skip, attrs: { type: 'button' } }) : null;
    skip?.addEventListener('click', () => this.go(this.step + 1));
    const form = el(
      'form',
      { class: 'card welcome-card', testid: `welcome-step-${this.step}`, attrs: { 'aria-labelledby': 'welcome-title' } },
      el('p', { class: 'welcome-progress', text: t('welcome-step', { n: this.step + 1, total: STEPS }) }),
      el('h1', { text: title, attrs: { id: 'welcome-title' } }),
      ...body,
      el('div', { class: 'welcome-actions' }, next, skip),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      next.disabled = true;
      void actions
        .onNext()
        .then((ok) => (ok ? this.go(this.step + 1) : undefined))
        .catch((e) => this.fail(e))
        .finally(() => (next.disabled = false));
    });
    return form;
  }

  /** @param {number} step */
  go(step) {
    if (step >= STEPS) {
      void this.deps.finish().catch((e) => this.fail(e));
      return;
    }
    this.step = step;
    this.draw();
  }

  draw() {
    const steps = [() => this.intro(), () => this.week(), () => this.remindersStep(), () => this.valuesStep(), () => this.privacy()];
    const page = el('article', { class: 'welcome-page', testid: 'welcome' }, steps[this.step]());
    const leave = el('button', { class: 'link-button', testid: 'welcome-skip-all', text: t('welcome-skip-all'), attrs: { type: 'button' } });
    leave.addEventListener('click', () => this.go(STEPS));
    if (this.step < STEPS - 1) page.append(el('p', { class: 'welcome-leave' }, leave));
    this.root.replaceChildren(page);
    /** @type {HTMLElement | null} */ (page.querySelector('h1'))?.focus();
    /** @type {HTMLElement | null} */ (page.querySelector('input, select, button'))?.focus();
  }

  intro() {
    return this.frame(
      t('welcome-title'),
      [
        el(
          'div',
          { class: 'welcome-columns' },
          el('div', { class: 'welcome-col role' }, el('h2', { text: t('side-role') }), el('p', { text: t('welcome-role') })),
          el('div', { class: 'welcome-col self' }, el('h2', { text: t('side-self') }), el('p', { text: t('welcome-self') })),
        ),
        el('p', { class: 'welcome-lead', text: t('welcome-lead') }),
      ],
      { next: t('welcome-begin'), onNext: async () => true },
    );
  }

  week() {
    return this.frame(
      t('welcome-week-title'),
      [el('p', { class: 'page-hint', text: t('welcome-week-hint') }), el('div', { class: 'settings-form' }, ...this.work.rows())],
      {
        next: t('welcome-save-next'),
        skip: t('welcome-skip'),
        onNext: async () => {
          const stored = await this.deps.saveSettings({ ...this.deps.settings, ...this.work.read() });
          this.deps.settings = stored;
          this.deps.saved(stored);
          return true;
        },
      },
    );
  }

  remindersStep() {
    // The end-of-work time may have just changed: the rows say the stored one.
    this.reminders = reminderFields(this.deps.settings);
    return this.frame(
      t('welcome-reminders-title'),
      [
        el('p', { class: 'page-hint', text: t('welcome-reminders-hint') }),
        el('div', { class: 'settings-form reminders-card' }, ...this.reminders.rows()),
      ],
      {
        next: t('welcome-save-next'),
        skip: t('welcome-no-reminders'),
        onNext: async () => {
          const stored = await this.deps.saveSettings({ ...this.deps.settings, ...this.reminders.read() });
          this.deps.settings = stored;
          this.deps.saved(stored);
          return true;
        },
      },
    );
  }

  valuesStep() {
    return this.frame(
      t('welcome-values-title'),
      [
        el('p', { class: 'page-hint', text: t('welcome-values-hint') }),
        this.values.element,
      ],
      {
        next: t('welcome-save-next'),
        skip: t('welcome-not-now'),
        onNext: async () => {
          if (this.values.count() === 0) return true;
          await this.values.store();
          return true;
        },
      },
    );
  }

  privacy() {
    const first = el('input', { testid: 'welcome-passphrase', attrs: { type: 'password', autocomplete: 'new-password' } });
    const again = el('input', { testid: 'welcome-passphrase-again', attrs: { type: 'password', autocomplete: 'new-password' } });
    return this.frame(
      t('welcome-passphrase-title'),
      [
        el('p', { class: 'page-hint', text: t('welcome-passphrase-hint') }),
        el('label', { class: 'secret' }, el('span', { text: t('passphrase') }), first),
        el('label', { class: 'secret' }, el('span', { text: t('passphrase-again') }), again),
      ],
      {
        next: t('welcome-encrypt'),
        skip: t('welcome-no-passphrase'),
        onNext: async () => {
          if (!first.value) {
            this.deps.failed(t('welcome-passphrase-missing'));
            return false;
          }
          if (first.value !== again.value) {
            this.deps.failed(t('passphrase-differ'));
            return false;
          }
          await this.deps.setPassphrase(first.value, false);
          first.value = again.value = '';
          return true;
        },
      },
    );
  }
}
