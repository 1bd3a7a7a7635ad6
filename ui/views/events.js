// @ts-check
/**
 * The work cycle's events as the pages show them: the kinds' names (one table over the core's
 * `CycleKind`, so the type check fails on a kind the core lacks or the table misses), an
 * event's dates in words, and the form that adds one (the calendar's).
 */

import { describe } from '../dates.js';
import { choices, el } from '../dom.js';

/** @typedef {import('../bindings/CycleEvent').CycleEvent} CycleEvent */
/** @typedef {import('../bindings/CycleKind').CycleKind} CycleKind */

/** @type {Record<CycleKind, string>} */
export const KIND_NAMES = {
  review: 'Performance review',
  compensation: 'Compensation day',
  planning: 'Planning',
  launch: 'Launch or deadline',
  reorg: 'Re-org',
  'new-role': 'New role or manager',
  'short-staffed': 'Team short of people',
  'time-off': 'Time off',
};

/**
 * A kind's name: a built-in kind's, or the person's own word as they wrote it.
 * @param {string} kind
 */
export const kindName = (kind) => (kind in KIND_NAMES ? KIND_NAMES[/** @type {CycleKind} */ (kind)] : kind);

/** @param {CycleEvent} e "12 Mar" or "3 Aug – 14 Aug 2026" */
export function eventDates(e) {
  return e.start === e.end ? describe(e.start).long : `${describe(e.start).long} – ${describe(e.end).long}`;
}

/** @param {CycleEvent} e the event in one line: its kind, its dates, its note */
export function eventLine(e) {
  return el(
    'span',
    { class: `event-line kind-${e.kind in KIND_NAMES ? e.kind : 'own'}`, attrs: { 'data-event': String(e.id) } },
    el('span', { class: 'event-mark', attrs: { 'aria-hidden': 'true' }, text: '◆' }),
    el('strong', { class: 'event-kind', text: kindName(e.kind) }),
    el('span', { class: 'event-dates', text: ` · ${eventDates(e)}` }),
    e.note ? el('span', { class: 'event-note', text: ` · ${e.note}` }) : null,
  );
}

/**
 * The form that adds an event: first day, last day (optional), a kind (or one of the person's
 * own), a note.
 * @param {string} date the first day it offers
 * @param {(event: { start: string, end: string | null, kind: string, note: string }) => Promise<void>} add
 */
export function eventForm(date, add) {
  const start = el('input', { testid: 'event-start', attrs: { type: 'date', required: 'true', 'aria-label': 'First day' } });
  start.value = date;
  const end = el('input', { testid: 'event-end', attrs: { type: 'date', 'aria-label': 'Last day (for several days)' } });
  const kind = el('select', { testid: 'event-kind', attrs: { 'aria-label': 'Kind of event' } });
  for (const [value, text] of choices(KIND_NAMES)) kind.append(el('option', { text, attrs: { value } }));
  kind.append(el('option', { text: 'Something else…', attrs: { value: '' } }));
  const own = el('input', { testid: 'event-own-kind', attrs: { type: 'text', maxlength: '40', placeholder: 'Your own word, e.g. offsite', 'aria-label': 'Your own kind' } });
  own.hidden = true;
  kind.addEventListener('change', () => (own.hidden = kind.value !== ''));
  const note = el('input', { testid: 'event-note', attrs: { type: 'text', maxlength: '1000', placeholder: 'A note (optional)', 'aria-label': 'Note' } });
  const submit = el('button', { class: 'choice primary-choice', testid: 'event-add', text: 'Add the event', attrs: { type: 'submit' } });
  const form = el(
    'form',
    { class: 'event-form', testid: 'event-form' },
    el('label', {}, el('span', { text: 'From' }), start),
    el('label', {}, el('span', { text: 'to (optional)' }), end),
    el('label', {}, el('span', { text: 'What' }), kind, own),
    el('label', { class: 'event-note-field' }, el('span', { text: 'Note' }), note),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void add({ start: start.value, end: end.value || null, kind: kind.value || own.value, note: note.value }).then(() => {
      note.value = '';
      end.value = '';
    });
  });
  return form;
}
