// @ts-check
/**
 * Settings (`#/settings`): the end-of-work time the boundary check-in asks about, review days,
 * the day weeks start and the reflection day, the theme, the reminders and working days, the
 * person's values, the passphrase and the backups. Each change is saved at once
 * through the core, which checks it; the form then shows what was stored.
 */

import { choices, el, select } from '../dom.js';
import { valuesEditor } from './values-editor.js';
import { backgroundSwitch, reminderFields } from './reminder-fields.js';

/** @typedef {import('../bindings/SettingsDto').SettingsDto} SettingsDto */
/** @typedef {import('../bindings/WeekdayName').WeekdayName} WeekdayName */
/** @typedef {import('../bindings/Appearance').Appearance} Appearance */

/** @type {Record<WeekdayName, string>} */
const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const DAYS = choices(DAY_NAMES);
/** @type {Record<Appearance, string>} */
const APPEARANCES = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

/**
 * The first day of the week in the system's locale, where the webview knows it.
 * @returns {WeekdayName | null}
 */
export function localeWeekStart() {
  try {
    const locale = /** @type {any} */ (new Intl.Locale(navigator.language));
    const info = typeof locale.getWeekInfo === 'function' ? locale.getWeekInfo() : locale.weekInfo;
    const first = info?.firstDay;
    return typeof first === 'number' && first >= 1 && first <= 7 ? DAYS[first - 1][0] : null;
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
    if (a !== b) failed('The two passphrases differ; nothing was changed.');
    return a === b;
  };
  if (!privacy.encrypted) {
    const first = secret('New passphrase', 'privacy-new');
    const again = secret('The same again', 'privacy-again');
    const removeOld = el('input', { testid: 'privacy-remove-old-backups', attrs: { type: 'checkbox' } });
    removeOld.checked = false;
    const button = /** @type {HTMLButtonElement} */ (el('button', { class: 'choice primary-choice', testid: 'privacy-set', text: 'Encrypt the journal', attrs: { type: 'button' } }));
    button.addEventListener('click', () => {
      if (!first.input.value || !same(first.input.value, again.input.value)) return;
      void run(async () => {
        await privacy.set(first.input.value, removeOld.checked);
        first.input.value = again.input.value = '';
        privacy.done('The journal is encrypted. Keep the passphrase safe: without it the journal cannot be read.');
      }, button, 'Encrypting…');
    });
    return el(
      'section',
      { class: 'card privacy', testid: 'privacy' },
      el('h2', { text: 'Passphrase' }),
      el('p', { class: 'page-hint', text: 'Not set: the journal’s files can be read by anyone who can open the folder. A passphrase encrypts every page, reflection, tag and backup on this computer. Without it the journal cannot be read: there is no way to recover it.' }),
      first.row,
      again.row,
      el('label', { class: 'day-check' }, removeOld, el('span', { text: 'Delete the backups taken before instead of encrypting them too' })),
      button,
    );
  }
  const old = secret('Current passphrase', 'privacy-old');
  const next = secret('New passphrase', 'privacy-new');
  const again = secret('The same again', 'privacy-again');
  const change = /** @type {HTMLButtonElement} */ (el('button', { class: 'choice', testid: 'privacy-change', text: 'Change the passphrase', attrs: { type: 'button' } }));
  change.addEventListener('click', () => {
    if (!old.input.value || !next.input.value || !same(next.input.value, again.input.value)) return;
    void run(async () => {
      await privacy.change(old.input.value, next.input.value);
      old.input.value = next.input.value = again.input.value = '';
      privacy.done('The passphrase was changed.');
    }, change, 'Changing…');
  });
  const remove = /** @type {HTMLButtonElement} */ (el('button', { class: 'choice', testid: 'privacy-remove', text: 'Stop encrypting…', attrs: { type: 'button' } }));
  remove.addEventListener('click', () => {
    if (!old.input.value) return failed('Type the current passphrase first.');
    if (!window.confirm('Store the journal unencrypted from now on? Anyone who can open its folder will be able to read it.')) return;
    void run(async () => {
      await privacy.remove(old.input.value);
      old.input.value = '';
      privacy.done('The journal is no longer encrypted.');
    }, remove, 'Decrypting…');
  });
  return el(
    'section',
    { class: 'card privacy', testid: 'privacy' },
    el('h2', { text: 'Passphrase' }),
    el('p', { class: 'page-hint', text: 'Set: the journal and its backups are encrypted on this computer. Lock it with Ctrl+L or the Lock button.' }),
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
  const save = el('button', { class: 'choice primary-choice', testid: 'values-save', text: 'Save my values', attrs: { type: 'button' } });
  save.addEventListener('click', () => void editor.store().catch((e) => failed(/** @type {{ message?: string }} */ (e).message ?? String(e))));
  return el(
    'section',
    { class: 'card values-card', testid: 'values-card' },
    el('h2', { text: 'My values' }),
    el('p', { class: 'page-hint', text: 'Three to seven things that are who you are, whatever the org chart says, in your own words. Each week’s page asks whether the pressure tested them and whether they held; some days’ prompts ask about one. Renaming or dropping a value keeps its history.' }),
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
  const endOfWork = el('input', { testid: 'setting-end-of-work', attrs: { type: 'time', 'aria-label': 'End of work' } });
  endOfWork.value = settings.end_of_work;
  const review = el('div', { class: 'day-checks', attrs: { role: 'group', 'aria-label': 'Review days' } });
  for (const [value, label] of DAYS) {
    const box = el('input', { testid: `setting-review-${value}`, attrs: { type: 'checkbox', value } });
    box.checked = settings.review_days.includes(value);
    review.append(el('label', { class: 'day-check' }, box, el('span', { text: label.slice(0, 3) })));
  }
  const weekStart = select('Week starts on', DAYS, settings.week_start, 'setting-week-start');
  const reflection = select('Reflection day', DAYS, settings.reflection_day, 'setting-reflection-day');
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
      field('End of work', 'The boundary check-in asks whether work stopped by this time.', endOfWork),
      field('Review days', 'Days of your weekly business review: prompts lean to pressure and boundaries.', review),
      field('Week starts on', 'The first day of a week’s page.', weekStart),
      field('Reflection day', 'The day the daily page offers the week’s questions.', reflection),
    ],
  };
}

export class SettingsView {
  /**
   * @param {HTMLElement} root
   * @param {SettingsDto} settings
   * @param {{ save: (s: SettingsDto) => Promise<SettingsDto>, saved: (s: SettingsDto) => void, failed: (message: string) => void, backups: () => Promise<import('../bindings/BackupDto').BackupDto[]>, restore: (name: string) => Promise<void>, privacy: Privacy, about: { version: string, journalDir: string | null }, values: { book: import('../bindings/ValueBook').ValueBook, save: (values: import('../bindings/ValueDraft').ValueDraft[]) => Promise<import('../bindings/ValueBook').ValueBook> }, setBackground: (on: boolean) => Promise<SettingsDto> }} deps
   */
  constructor(root, settings, { save, saved, failed, backups, restore, privacy, values, about, setBackground }) {
    const work = workFields(settings);
    const reminders = reminderFields(settings);
    const { weekStart } = work;
    const theme = select('Theme', choices(APPEARANCES), settings.theme, 'setting-theme');
    const autoLock = el('input', { testid: 'setting-auto-lock', attrs: { type: 'number', min: '0', max: '1440', step: '1', 'aria-label': 'Lock after minutes without use' } });
    autoLock.value = String(settings.auto_lock_minutes ?? 15);
    const locale = localeWeekStart();
    const localeHint =
      locale && locale !== settings.week_start
        ? el(
            'p',
            { class: 'setting-note' },
            `Your system's locale starts weeks on ${DAY_NAMES[locale]}. `,
            el('button', {
              class: 'choice',
              text: 'Use it',
              attrs: { type: 'button' },
              on: {
                click: () => {
                  weekStart.value = locale;
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
      field('Theme', 'Light, dark, or whatever the system says.', theme),
      field('Lock after', 'Minutes without use before an encrypted journal locks itself (0: never).', autoLock),
    );
    form.addEventListener('change', () => void store());
    form.addEventListener('submit', (event) => event.preventDefault());
    const reminderForm = el(
      'form',
      { class: 'card settings-form reminders-card', testid: 'reminders-card' },
      el('h2', { text: 'Reminders' }),
      el('p', { class: 'page-hint', text: 'Each is off until you turn it on: at most one of each a day, one line, no counts of days missed. Snooze from the notification; a click opens the day or the week.' }),
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
                  el('span', { text: `${b.taken_at} · ${Math.max(1, Math.round(b.bytes / 1024))} KB ` }),
                  el('button', {
                    class: 'choice',
                    text: 'Restore…',
                    attrs: { type: 'button' },
                    on: {
                      click: () => {
                        if (window.confirm(`Restore the backup from ${b.taken_at}? Keel restarts; the journal as it is now is set aside, not deleted.`)) {
                          void restore(b.name).catch((e) => failed(/** @type {{ message?: string }} */ (e).message ?? String(e)));
                        }
                      },
                    },
                  }),
                ),
              )
            : [el('li', { text: 'No backups yet: Keel takes one each day it opens, and before every import.' })]),
        );
      })
      .catch((e) => failed(/** @type {{ message?: string }} */ (e).message ?? String(e)));
    root.replaceChildren(
      el(
        'article',
        { class: 'settings-page', testid: 'settings-page' },
        el('header', { class: 'page-head' }, el('h1', { text: 'Settings' }), el('p', { class: 'page-hint', text: 'Saved as you change them.' })),
        form,
        reminderForm,
        valuesSection(values, failed),
        privacySection(privacy, failed),
        el(
          'section',
          { class: 'card about', testid: 'about' },
          el('h2', { text: 'About Keel' }),
          el('p', { testid: 'about-version', text: `Keel ${about.version}, a private journal. Free software under the MIT licence.` }),
          el('p', {}, 'Your journal lives in ', el('code', { testid: 'about-journal', text: about.journalDir ?? 'no folder could be found' }), '. Nothing leaves this computer unless you export it.'),
          el('p', { class: 'page-hint', text: 'The keel command line works on the same journal: `keel --help`, or `man keel`.' }),
        ),
        el('section', { class: 'card' }, el('h2', { text: 'Backups' }), el('p', { class: 'page-hint', text: 'Verified copies in the journal’s backups folder: the newest of each of the last 7 days, 4 weeks and 12 months.' }), backupList),
      ),
    );
  }
}
