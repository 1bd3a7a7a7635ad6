// @ts-check
/**
 * The reminders' controls, shared by Settings and the welcome: the three reminders (each off
 * until turned on), the working days, and reminders while Keel is closed (a separate switch:
 * it writes a systemd user timer and a plain file beside the journal, so it asks first).
 */

import { choices, el } from '../dom.js';

/** @typedef {import('../bindings/SettingsDto').SettingsDto} SettingsDto */
/** @typedef {import('../bindings/WeekdayName').WeekdayName} WeekdayName */

/** @type {Record<WeekdayName, string>} */
const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const DAYS = choices(DAY_NAMES);

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
  const endOfWork = toggle(
    'remind-end-of-work',
    'End of work',
    `At ${settings.end_of_work} on working days: anything to put on the role side before you close it? Answer “Done for today” or “Still working”, and Keel measures the minutes that ran over.`,
    r.end_of_work,
  );
  const checkInTime = timeFor('remind-check-in-time', 'Check-in reminder time', r.check_in, '21:00');
  const checkIn = toggle('remind-check-in', 'Daily check-in', 'On working days that have no check-in yet.', r.check_in !== null, checkInTime);
  const weeklyTime = timeFor('remind-weekly-time', 'Weekly reflection reminder time', r.weekly, '16:00');
  const weekly = toggle('remind-weekly', 'Weekly reflection', 'On your reflection day, while the week has no reflection yet.', r.weekly !== null, weeklyTime);
  const sync = () => {
    checkInTime.disabled = !checkIn.box.checked;
    weeklyTime.disabled = !weekly.box.checked;
  };
  checkIn.box.addEventListener('change', sync);
  weekly.box.addEventListener('change', sync);
  sync();

  const working = el('div', { class: 'day-checks', attrs: { role: 'group', 'aria-label': 'Working days' } });
  const off = settings.days_off ?? ['sat', 'sun'];
  for (const [value, label] of DAYS) {
    const box = el('input', { testid: `setting-working-${value}`, attrs: { type: 'checkbox', value } });
    box.checked = !off.includes(value);
    working.append(el('label', { class: 'day-check' }, box, el('span', { text: label.slice(0, 3) })));
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
        el('div', { class: 'setting-label' }, el('span', { text: 'Working days' }), el('small', { text: 'No end-of-work or check-in reminder on the others, nor on time off from the calendar.' })),
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
      ? 'On: a systemd user timer (keel-remind.timer) looks every minute, and starts again after a restart.'
      : 'Off: reminders come only while Keel is open.';
  };
  describe(on);
  const toggleRow = toggle(
    'remind-background',
    'Remind me while Keel is closed',
    'So that it never opens your journal, the timer reads a plain file beside it (reminders.json) holding only the reminder times, your working days and time off, and which recent days have a check-in or a reflection: never a word you wrote, even when the journal is encrypted. Turning this off removes the file and the timer.',
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
