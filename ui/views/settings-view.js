// @ts-check
/**
 * Settings (`#/settings`): the end-of-work time the boundary check-in asks about, review days,
 * the day weeks start and the reflection day, the theme, the reminders and working days, the
 * person's values, the passphrase, sync and the backups. Each change is saved at once
 * through the core, which checks it; the form then shows what was stored.
 */

import { weekdayName, weekdays } from '../dates.js';
import { choices, el, select } from '../dom.js';
import { locale, t } from '../i18n.js';
import { valuesEditor } from './values-editor.js';
import { backgroundSwitch, reminderFields } from './reminder-fields.js';
import { syncSection } from './sync-section.js';

/** @typedef {import('../bindings/SettingsDto').SettingsDto} SettingsDto */
/** @typedef {import('../bindings/WeekdayName').WeekdayName} WeekdayName */
/** @typedef {import('../bindings/Appearance').Appearance} Appearance */

/** @typedef {import('../bindings/Language').Language} Language */

/** @returns {Record<Appearance, string>} */
const appearances = () => ({ system: t('theme-system'), light: t('theme-light'), dark: t('theme-dark') });
/**
 * Each language named in itself, so a person who cannot read the current one finds theirs.
 * @returns {Record<Language, string>}
 */
const languages = () => ({ system: t('language-system'), en: 'English', de: 'Deutsch', es: 'Español' });

/**
 * The first day of the week in the locale Keel speaks (the system's region when it speaks the
 * same language), where the webview knows it.
 * @returns {WeekdayName | null}
 */
export function localeWeekStart() {
  try {
    const regional = /** @type {any} */ (new Intl.Locale(locale()));
    const info = typeof regional.getWeekInfo === 'function' ? regional.getWeekInfo() : regional.weekInfo;
    const first = info?.firstDay;
    return typeof first === 'number' && first >= 1 && first <= 7 ? weekdays()[first - 1][0] : null;
  } catch {
    return null;
  }
}

/**
 * Applies the theme to the page.
 * @param {Appearance} theme
 */
export function applyTheme(theme) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/**
 * @param {string} label
 * @param {string} hint
 * @param {HTMLElement} control
 */
const field = (label, hint, control) =>
  el('div', { class: 'setting' }, el('div', { class: 'setting-label' }, el('span', { text: label }), el('small', { text: hint })), control);

/**
 * @typedef {{ encrypted: boolean,
 *   set: (passphrase: string, removeOldBackups: boolean) => Promise<void>,
 *   change: (old: string, next: string) => Promise<void>,
 *   remove: (passphrase: string) => Promise<void>,
 *   done: (message: string) => void }} Privacy
 */

/**
 * @param {string} label
 * @param {string} testid
 */
function secret(label, testid) {
  const input = el('input', { testid, attrs: { type: 'password', autocomplete: 'new-password', 'aria-label': label } });
  return { input, row: el('label', { class: 'secret' }, el('span', { text: label }), input) };
}

/**
 * The passphrase: set it (encrypting the journal), change it, or remove it.
 * @param {Privacy} privacy
 * @param {(message: string) => void} failed
 */
function privacySection(privacy, failed) {
  /** @param {() => Promise<void>} action @param {HTMLButtonElement} button @param {string} busy */
  const run = async (action, button, busy) => {
    const text = button.textContent;
    button.disabled = true;
    button.textContent = busy;
    try {
      await action();
    } catch (e) {
      failed(/** @type {{ message?: string }} */ (e).message ?? String(e));
    } finally {
      button.disabled = false;
      button.textContent = text;
    }
  };
  /** @param {string} a @param {string} b */
  const same = (a, b) => {
    if (a !== b) failed(t('passphrase-differ'));
    return a === b;
  };
  if (!privacy.encrypted) {
    const first = secret(t('passphrase-new'), 'privacy-new');
    const again = secret(t('passphrase-again'), 'privacy-again');
    const removeOld = el('input', { testid: 'privacy-remove-old-backups', attrs: { type: 'checkbox' } });
    removeOld.checked = false;
    const button = /** @type {HTMLButtonElement} */ (el('button', { class: 'choice primary-choice', testid: 'privacy-set', text: t('privacy-set'), attrs: { type: 'button' } }));
    button.addEventListener('click', () => {
      if (!first.input.value || !same(first.input.value, again.input.value)) return;
      void run(async () => {
        await privacy.set(first.input.value, removeOld.checked);
        first.input.value = again.input.value = '';
        privacy.done(t('privacy-encrypted-done'));
      }, button, t('privacy-encrypting'));
    });
    return el(
      'section',
      { class: 'card privacy', testid: 'privacy' },
      el('h2', { text: t('passphrase') }),
      el('p', { class: 'page-hint', text: t('privacy-unset-hint') }),
      first.row,
      again.row,
      el('label', { class: 'day-check' }, removeOld, el('span', { text: t('privacy-remove-old') })),
      button,
    );
  }
  const old = secret(t('passphrase-current'), 'privacy-old');
  const next = secret(t('passphrase-new'), 'privacy-new');
  const again = secret(t('passphrase-again'), 'privacy-again');
  const change = /** @type {HTMLButtonElement} */ (el('button', { class: 'choice', testid: 'privacy-change', text: t('privacy-change'), attrs: { type: 'button' } }));
  change.addEventListener('click', () => {
    if (!old.input.value || !next.input.value || !same(next.input.value, again.input.value)) return;
    void run(async () => {
      await privacy.change(old.input.value, next.input.value);
      old.input.value = next.input.value = again.input.value = '';
      privacy.done(t('privacy-changed'));
    }, change, t('privacy-changing'));
  });
  const remove = /** @type {HTMLButtonElement} */ (el('button', { class: 'choice', testid: 'privacy-remove', text: t('privacy-remove'), attrs: { type: 'button' } }));
  remove.addEventListener('click', () => {
    if (!old.input.value) return failed(t('privacy-current-first'));
    if (!window.confirm(t('privacy-remove-confirm'))) return;
    void run(async () => {
      await privacy.remove(old.input.value);
      old.input.value = '';
      privacy.done(t('privacy-removed'));
    }, remove, t('privacy-decrypting'));
  });
  return el(
    'section',
    { class: 'card privacy', testid: 'privacy' },
    el('h2', { text: t('passphrase') }),
    el('p', { class: 'page-hint', text: t('privacy-set-hint') }),
    old.row,
    next.row,
    again.row,
    el('div', { class: 'privacy-actions' }, change, remove),
  );
}

/**
 * My values: the editor and its save button.
 * @param {{ book: import('../bindings/ValueBook').ValueBook, save: (values: import('../bindings/ValueDraft').ValueDraft[]) => Promise<import('../bindings/ValueBook').ValueBook> }} values
 * @param {(message: string) => void} failed
 */
function valuesSection(values, failed) {
  const editor = valuesEditor(values.book, { save: values.save });
  const save = el('button', { class: 'choice primary-choice', testid: 'values-save', text: t('values-save'), attrs: { type: 'button' } });
  save.addEventListener('click', () => void editor.store().catch((e) => failed(/** @type {{ message?: string }} */ (e).message ?? String(e))));
  return el(
    'section',
    { class: 'card values-card', testid: 'values-card' },
    el('h2', { text: t('values-title') }),
    el('p', { class: 'page-hint', text: t('values-hint') }),
    editor.element,
    save,
  );
}

/**
 * The working week's controls (end of work, review days, week start, reflection day), shared by
 * Settings and the welcome.
 * @param {SettingsDto} settings
 */
export function workFields(settings) {
  const endOfWork = el('input', { testid: 'setting-end-of-work', attrs: { type: 'time', 'aria-label': t('setting-end-of-work') } });
  endOfWork.value = settings.end_of_work;
  const review = el('div', { class: 'day-checks', attrs: { role: 'group', 'aria-label': t('setting-review-days') } });
  for (const [value, label] of weekdays('short')) {
    const box = el('input', { testid: `setting-review-${value}`, attrs: { type: 'checkbox', value } });
    box.checked = settings.review_days.includes(value);
    review.append(el('label', { class: 'day-check' }, box, el('span', { text: label })));
  }
  const weekStart = select(t('setting-week-start'), weekdays(), settings.week_start, 'setting-week-start');
  const reflection = select(t('setting-reflection-day'), weekdays(), settings.reflection_day, 'setting-reflection-day');
  /** @returns {Pick<SettingsDto, 'end_of_work' | 'review_days' | 'week_start' | 'reflection_day'>} */
  const read = () => ({
    end_of_work: endOfWork.value,
    review_days: /** @type {WeekdayName[]} */ ([...review.querySelectorAll('input:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value)),
    week_start: /** @type {WeekdayName} */ (weekStart.value),
    reflection_day: /** @type {WeekdayName} */ (reflection.value),
  });
  return {
    endOfWork,
    review,
    weekStart,
    reflection,
    read,
    /** The four as labelled rows. */
    rows: () => [
      field(t('setting-end-of-work'), t('setting-end-of-work-hint'), endOfWork),
      field(t('setting-review-days'), t('setting-review-days-hint'), review),
      field(t('setting-week-start'), t('setting-week-start-hint'), weekStart),
      field(t('setting-reflection-day'), t('setting-reflection-day-hint'), reflection),
    ],
  };
}

export class SettingsView {
  /**
   * @param {HTMLElement} root
   * @param {SettingsDto} settings
   * @param {{ save: (s: SettingsDto) => Promise<SettingsDto>, saved: (s: SettingsDto) => void, failed: (message: string) => void, backups: () => Promise<import('../bindings/BackupDto').BackupDto[]>, restore: (name: string) => Promise<void>, privacy: Privacy, about: { version: string, journalDir: string | null }, values: { book: import('../bindings/ValueBook').ValueBook, save: (values: import('../bindings/ValueDraft').ValueDraft[]) => Promise<import('../bindings/ValueBook').ValueBook> }, setBackground: (on: boolean) => Promise<SettingsDto>, sync: import('./sync-section.js').SyncActions }} deps
   */
  constructor(root, settings, { save, saved, failed, backups, restore, privacy, values, about, setBackground, sync }) {
    const work = workFields(settings);
    const reminders = reminderFields(settings);
    const { weekStart } = work;
    const theme = select(t('setting-theme'), choices(appearances()), settings.theme, 'setting-theme');
    const language = select(t('setting-language'), choices(languages()), settings.language ?? 'system', 'setting-language');
    const autoLock = el('input', { testid: 'setting-auto-lock', attrs: { type: 'number', min: '0', max: '1440', step: '1', 'aria-label': t('setting-auto-lock-label') } });
    autoLock.value = String(settings.auto_lock_minutes ?? 15);
    const localeStart = localeWeekStart();
    const localeHint =
      localeStart && localeStart !== settings.week_start
        ? el(
            'p',
            { class: 'setting-note' },
            t('setting-locale-week', { weekday: weekdayName(localeStart) }),
            ' ',
            el('button', {
              class: 'choice',
              text: t('setting-locale-use'),
              attrs: { type: 'button' },
              on: {
                click: () => {
                  weekStart.value = localeStart;
                  void store();
                },
              },
            }),
          )
        : null;

    /** @returns {SettingsDto} */
    const current = () => ({
      ...work.read(),
      ...reminders.read(),
      theme: /** @type {Appearance} */ (theme.value),
      language: /** @type {Language} */ (language.value),
      auto_lock_minutes: Math.max(0, Math.round(Number(autoLock.value) || 0)),
    });
    const store = async () => {
      try {
        const stored = await save(current());
        applyTheme(stored.theme);
        saved(stored);
      } catch (error) {
        failed(/** @type {{ message?: string }} */ (error).message ?? String(error));
      }
    };

    const form = el(
      'form',
      { class: 'card settings-form', testid: 'settings-form' },
      ...work.rows(),
      localeHint,
      field(t('setting-language'), t('setting-language-hint'), language),
      field(t('setting-theme'), t('setting-theme-hint'), theme),
      field(t('setting-auto-lock'), t('setting-auto-lock-hint'), autoLock),
    );
    form.addEventListener('change', () => void store());
    form.addEventListener('submit', (event) => event.preventDefault());
    const reminderForm = el(
      'form',
      { class: 'card settings-form reminders-card', testid: 'reminders-card' },
      el('h2', { text: t('reminders-title') }),
      el('p', { class: 'page-hint', text: t('reminders-hint') }),
      ...reminders.rows(),
    );
    reminderForm.addEventListener('change', (event) => {
      // The background switch saves itself (it writes a timer); the rest saves with the form.
      if (/** @type {HTMLElement} */ (event.target).dataset.testid !== 'remind-background') void store();
    });
    reminderForm.addEventListener('submit', (event) => event.preventDefault());
    reminderForm.append(backgroundSwitch(settings, { set: setBackground, saved, failed }));
    const backupList = el('ul', { class: 'backup-list', testid: 'backup-list' });
    void backups()
      .then((list) => {
        backupList.replaceChildren(
          ...(list.length
            ? list.map((b) =>
                el(
                  'li',
                  {},
                  el('span', { text: `${b.taken_at} · ${t('backup-size', { kb: Math.max(1, Math.round(b.bytes / 1024)) })} ` }),
                  el('button', {
                    class: 'choice',
                    text: t('backup-restore'),
                    attrs: { type: 'button' },
                    on: {
                      click: () => {
                        if (window.confirm(t('backup-restore-confirm', { taken: b.taken_at }))) {
                          void restore(b.name).catch((e) => failed(/** @type {{ message?: string }} */ (e).message ?? String(e)));
                        }
                      },
                    },
                  }),
                ),
              )
            : [el('li', { text: t('backups-none') })]),
        );
      })
      .catch((e) => failed(/** @type {{ message?: string }} */ (e).message ?? String(e)));
    root.replaceChildren(
      el(
        'article',
        { class: 'settings-page', testid: 'settings-page' },
        el('header', { class: 'page-head' }, el('h1', { text: t('nav-settings') }), el('p', { class: 'page-hint', text: t('settings-hint') })),
        form,
        reminderForm,
        valuesSection(values, failed),
        privacySection(privacy, failed),
        syncSection(sync),
        el(
          'section',
          { class: 'card about', testid: 'about' },
          el('h2', { text: t('about-title') }),
          el('p', { testid: 'about-version', text: t('about-version', { version: about.version }) }),
          el('p', {}, t('about-journal-before'), el('code', { testid: 'about-journal', text: about.journalDir ?? t('about-no-folder') }), t('about-journal-after')),
          el('p', { class: 'page-hint', text: t('about-cli') }),
        ),
        el('section', { class: 'card' }, el('h2', { text: t('backups-title') }), el('p', { class: 'page-hint', text: t('backups-hint') }), backupList),
      ),
    );
  }
}
