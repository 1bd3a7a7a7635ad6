// @ts-check
/**
 * The reminders' controls, shared by Settings and the welcome: the three reminders (each off
 * until turned on), the working days, and reminders while Keel is closed (a separate switch:
 * it writes a systemd user timer and a plain file beside the journal, so it asks first).
 */

import { weekdays } from '../dates.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';

/** @typedef {import('../bindings/SettingsDto').SettingsDto} SettingsDto */
/** @typedef {import('../bindings/WeekdayName').WeekdayName} WeekdayName */


/**
 * A checkbox with its label and a line of explanation.
 * @param {string} testid
 * @param {string} label
 * @param {string} hint
 * @param {boolean} checked
 * @param {HTMLElement | null} [extra]
 */
function toggle(testid, label, hint, checked, extra = null) {
  const box = /** @type {HTMLInputElement} */ (el('input', { testid, attrs: { type: 'checkbox', 'aria-describedby': `${testid}-hint` } }));
  box.checked = checked;
  const row = el(
    'div',
    { class: 'reminder-row' },
    el('label', { class: 'reminder-toggle' }, box, el('span', { text: label })),
    extra,
    el('small', { class: 'reminder-hint', text: hint, attrs: { id: `${testid}-hint` } }),
  );
  return { box, row };
}

/**
 * A time input that follows its checkbox (kept, but disabled, while the reminder is off).
 * @param {string} testid
 * @param {string} label
 * @param {string | null} value
 * @param {string} fallback
 */
function timeFor(testid, label, value, fallback) {
  const input = /** @type {HTMLInputElement} */ (el('input', { testid, attrs: { type: 'time', 'aria-label': label } }));
  input.value = value ?? fallback;
  return input;
}

/**
 * The reminders and working days as rows, and what they hold.
 * @param {SettingsDto} settings
 */
export function reminderFields(settings) {
  const r = settings.reminders ?? { end_of_work: false, check_in: null, weekly: null, background: false };
  const endOfWork = toggle('remind-end-of-work', t('remind-end-of-work'), t('remind-end-of-work-hint', { time: settings.end_of_work }), r.end_of_work);
  const checkInTime = timeFor('remind-check-in-time', t('remind-check-in-time'), r.check_in, '21:00');
  const checkIn = toggle('remind-check-in', t('remind-check-in'), t('remind-check-in-hint'), r.check_in !== null, checkInTime);
  const weeklyTime = timeFor('remind-weekly-time', t('remind-weekly-time'), r.weekly, '16:00');
  const weekly = toggle('remind-weekly', t('remind-weekly'), t('remind-weekly-hint'), r.weekly !== null, weeklyTime);
  const sync = () => {
    checkInTime.disabled = !checkIn.box.checked;
    weeklyTime.disabled = !weekly.box.checked;
  };
  checkIn.box.addEventListener('change', sync);
  weekly.box.addEventListener('change', sync);
  sync();

  const working = el('div', { class: 'day-checks', attrs: { role: 'group', 'aria-label': t('working-days') } });
  const off = settings.days_off ?? ['sat', 'sun'];
  for (const [value, label] of weekdays('short')) {
    const box = el('input', { testid: `setting-working-${value}`, attrs: { type: 'checkbox', value } });
    box.checked = !off.includes(value);
    working.append(el('label', { class: 'day-check' }, box, el('span', { text: label })));
  }

  /** @returns {Pick<SettingsDto, 'days_off' | 'reminders'>} */
  const read = () => ({
    days_off: /** @type {WeekdayName[]} */ ([...working.querySelectorAll('input:not(:checked)')].map((i) => /** @type {HTMLInputElement} */ (i).value)),
    reminders: {
      end_of_work: endOfWork.box.checked,
      check_in: checkIn.box.checked && checkInTime.value ? checkInTime.value : null,
      weekly: weekly.box.checked && weeklyTime.value ? weeklyTime.value : null,
      background: r.background,
    },
  });
  return {
    read,
    rows: () => [
      endOfWork.row,
      checkIn.row,
      weekly.row,
      el(
        'div',
        { class: 'setting' },
        el('div', { class: 'setting-label' }, el('span', { text: t('working-days') }), el('small', { text: t('working-days-hint') })),
        working,
      ),
    ],
  };
}

/**
 * The switch for reminders while Keel is closed, with what it keeps and where.
 * @param {SettingsDto} settings
 * @param {{ set: (on: boolean) => Promise<SettingsDto>, saved: (s: SettingsDto) => void, failed: (message: string) => void }} deps
 */
export function backgroundSwitch(settings, { set, saved, failed }) {
  const on = settings.reminders?.background ?? false;
  const status = el('p', { class: 'setting-note', testid: 'remind-background-status', attrs: { role: 'status' } });
  const describe = (/** @type {boolean} */ isOn) => {
    status.textContent = isOn
      ? t('remind-background-on')
      : t('remind-background-off');
  };
  describe(on);
  const toggleRow = toggle(
    'remind-background',
    t('remind-background'),
    t('remind-background-hint'),
    on,
  );
  toggleRow.box.addEventListener('change', () => {
    const wanted = toggleRow.box.checked;
    toggleRow.box.disabled = true;
    set(wanted)
      .then((stored) => {
        describe(stored.reminders?.background ?? false);
        toggleRow.box.checked = stored.reminders?.background ?? false;
        saved(stored);
      })
      .catch((e) => {
        toggleRow.box.checked = !wanted;
        failed(/** @type {{ message?: string }} */ (e).message ?? String(e));
      })
      .finally(() => {
        toggleRow.box.disabled = false;
      });
  });
  return el('div', { class: 'reminder-background' }, toggleRow.row, status);
}
