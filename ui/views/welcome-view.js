// @ts-check
/**
 * The first-run welcome (`#/welcome`), offered once to a new, empty journal: what the two
 * columns are for, the working week (end of work, review days, week start, reflection day), the
 * reminders (each off unless turned on here), the person's values, and the offer of a passphrase. Every step can be skipped, and everything is
 * in Settings later. Each step saves through the core as it is left; finishing (or skipping the
 * rest) tells the core the welcome was done, so it is not offered again.
 */

import { el } from '../dom.js';
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
      el('p', { class: 'welcome-progress', text: `Step ${this.step + 1} of ${STEPS}` }),
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
    const leave = el('button', { class: 'link-button', testid: 'welcome-skip-all', text: 'Skip the welcome and start writing', attrs: { type: 'button' } });
    leave.addEventListener('click', () => this.go(STEPS));
    if (this.step < STEPS - 1) page.append(el('p', { class: 'welcome-leave' }, leave));
    this.root.replaceChildren(page);
    /** @type {HTMLElement | null} */ (page.querySelector('h1'))?.focus();
    /** @type {HTMLElement | null} */ (page.querySelector('input, select, button'))?.focus();
  }

  intro() {
    return this.frame(
      'Welcome to Keel',
      [
        el(
          'div',
          { class: 'welcome-columns' },
          el('div', { class: 'welcome-col role' }, el('h2', { text: 'What I do' }), el('p', { text: 'The role you perform: the targets, the reviews, the work that fills the day.' })),
          el('div', { class: 'welcome-col self' }, el('h2', { text: 'Who I am' }), el('p', { text: 'The person doing it, whose worth does not move with the org chart.' })),
        ),
        el('p', { class: 'welcome-lead', text: 'Each day has these two columns side by side, so the role never quietly becomes all of you. A few questions now set Keel to your working week; every one can be skipped and changed later in Settings.' }),
      ],
      { next: 'Begin', onNext: async () => true },
    );
  }

  week() {
    return this.frame(
      'Your working week',
      [el('p', { class: 'page-hint', text: 'When work should stop, when the numbers get interrogated, and when you look back on the week.' }), el('div', { class: 'settings-form' }, ...this.work.rows())],
      {
        next: 'Save and go on',
        skip: 'Skip',
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
      'Reminders, if you want them',
      [
        el('p', { class: 'page-hint', text: 'Nothing marks the end of an always-on day. Keel can: gently, at most once a day each, never counting the days you skipped. All are off unless you turn them on; Settings can also remind you while Keel is closed.' }),
        el('div', { class: 'settings-form reminders-card' }, ...this.reminders.rows()),
      ],
      {
        next: 'Save and go on',
        skip: 'No reminders',
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
      'What you want to hold steady',
      [
        el('p', { class: 'page-hint', text: 'Name three to seven values in your own words: who you are, whatever the quarter brings. Each week asks whether the pressure tested them and whether they held. Add a line on what each looks like in practice, if you like.' }),
        this.values.element,
      ],
      {
        next: 'Save and go on',
        skip: 'Not now',
        onNext: async () => {
          if (this.values.count() === 0) return true;
          await this.values.store();
          return true;
        },
      },
    );
  }

  privacy() {
    const first = el('input', { testid: 'welcome-passphrase', attrs: { type: 'password', autocomplete: 'new-password', 'aria-label': 'Passphrase' } });
    const again = el('input', { testid: 'welcome-passphrase-again', attrs: { type: 'password', autocomplete: 'new-password', 'aria-label': 'The same again' } });
    return this.frame(
      'A passphrase, if you want one',
      [
        el('p', { class: 'page-hint', text: 'Your journal stays on this computer. With a passphrase, every page, reflection and backup is encrypted too, so nobody who opens its folder can read it. Without the passphrase it cannot be read at all: there is no way to recover it.' }),
        el('label', { class: 'secret' }, el('span', { text: 'Passphrase' }), first),
        el('label', { class: 'secret' }, el('span', { text: 'The same again' }), again),
      ],
      {
        next: 'Encrypt and start writing',
        skip: 'Not now, start writing',
        onNext: async () => {
          if (!first.value) {
            this.deps.failed('Type a passphrase, or choose “Not now”.');
            return false;
          }
          if (first.value !== again.value) {
            this.deps.failed('The two passphrases differ; nothing was changed.');
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
