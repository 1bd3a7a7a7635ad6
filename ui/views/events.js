// @ts-check
/**
 * The work cycle's events as the pages show them: the kinds' names (one table over the core's
 * `CycleKind`, so the type check fails on a kind the core lacks or the table misses), an
 * event's dates in words, and the form that adds one (the calendar's).
 */

import { describe } from '../dates.js';
import { choices, el } from '../dom.js';
import { t } from '../i18n.js';

/** @typedef {import('../bindings/CycleEvent').CycleEvent} CycleEvent */
/** @typedef {import('../bindings/CycleKind').CycleKind} CycleKind */

/** @returns {Record<CycleKind, string>} */
const kindNames = () => ({
  review: t('kind-review'),
  compensation: t('kind-compensation'),
  planning: t('kind-planning'),
  launch: t('kind-launch'),
  reorg: t('kind-reorg'),
  'new-role': t('kind-new-role'),
  'short-staffed': t('kind-short-staffed'),
  'time-off': t('kind-time-off'),
});
/** @param {string} kind @returns {kind is CycleKind} whether it is one of Keel's kinds */
const builtIn = (kind) => kind in kindNames();

/**
 * A kind's name: a built-in kind's, or the person's own word as they wrote it.
 * @param {string} kind
 */
export const kindName = (kind) => (builtIn(kind) ? kindNames()[kind] : kind);

/** @param {CycleEvent} e "12 Mar" or "3 Aug – 14 Aug 2026" */
export function eventDates(e) {
  return e.start === e.end ? describe(e.start).long : `${describe(e.start).long} – ${describe(e.end).long}`;
}

/** @param {CycleEvent} e the event in one line: its kind, its dates, its note */
export function eventLine(e) {
  return el(
    'span',
    { class: `event-line kind-${builtIn(e.kind) ? e.kind : 'own'}`, attrs: { 'data-event': String(e.id) } },
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
  const start = el('input', { testid: 'event-start', attrs: { type: 'date', required: 'true' } });
  start.value = date;
  const end = el('input', { testid: 'event-end', attrs: { type: 'date' } });
  const kind = el('select', { testid: 'event-kind', });
  for (const [value, text] of choices(kindNames())) kind.append(el('option', { text, attrs: { value } }));
  kind.append(el('option', { text: t('event-kind-other'), attrs: { value: '' } }));
  const own = el('input', { testid: 'event-own-kind', attrs: { type: 'text', maxlength: '40', placeholder: t('event-own-kind-placeholder'), 'aria-label': t('event-own-kind') } });
  own.hidden = true;
  kind.addEventListener('change', () => (own.hidden = kind.value !== ''));
  const note = el('input', { testid: 'event-note', attrs: { type: 'text', maxlength: '1000', placeholder: t('event-note-placeholder') } });
  const submit = el('button', { class: 'choice primary-choice', testid: 'event-add', text: t('event-add'), attrs: { type: 'submit' } });
  const form = el(
    'form',
    { class: 'event-form', testid: 'event-form' },
    el('label', {}, el('span', { text: t('event-from') }), start),
    el('label', {}, el('span', { text: t('event-to') }), end),
    el('label', {}, el('span', { text: t('event-what') }), kind, own),
    el('label', { class: 'event-note-field' }, el('span', { text: t('event-note') }), note),
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
