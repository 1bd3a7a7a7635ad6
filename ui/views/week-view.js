// @ts-check
/**
 * A week's page (`#/week/YYYY-Www`): the summary the core computed, drawn small (seven bars
 * per rating, seven dots for the boundary), last week's boundary with "did I keep it?", the
 * week's prompts with room to answer, the role ledger, and one boundary for next week. It
 * draws and reports changes; the autosaver saves.
 */

import { describe } from '../dates.js';
import { button, choices, el, fmt } from '../dom.js';
import { num, t } from '../i18n.js';
import { eventLine } from './events.js';

/** @typedef {import('../bindings/WeekDto').WeekDto} WeekDto */
/** @typedef {import('../bindings/WeekContent').WeekContent} WeekContent */
/** @typedef {import('../bindings/Measure').Measure} Measure */
/** @typedef {import('../bindings/DayPoint').DayPoint} DayPoint */
/** @typedef {import('../bindings/ValueCheck').ValueCheck} ValueCheck */
/** @typedef {import('../bindings/ValueOutcome').ValueOutcome} ValueOutcome */
/** @typedef {import('../bindings/CycleEvent').CycleEvent} CycleEvent */

/** @returns {Record<ValueOutcome, string>} */
const outcomes = () => ({ held: t('outcome-held'), bent: t('outcome-bent'), 'not-tested': t('outcome-not-tested') });

const SVG = 'http://www.w3.org/2000/svg';


/**
 * Seven small bars, one per day; a missing day is a faint dot, never a zero bar.
 * @param {(number | null)[]} values
 * @param {number} max
 * @param {string} label
 * @param {string} cls
 */
function bars(values, max, label, cls) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 98 28');
  svg.setAttribute('class', `bars ${cls}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('bars-label', { what: label, values: values.map((v) => (v === null ? t('bars-none') : num(v))).join(', ') }));
  values.forEach((v, i) => {
    if (v === null) {
      const dot = document.createElementNS(SVG, 'circle');
      dot.setAttribute('cx', String(i * 14 + 6));
      dot.setAttribute('cy', '25');
      dot.setAttribute('r', '1.6');
      dot.setAttribute('class', 'bar-missing');
      svg.append(dot);
      return;
    }
    const h = Math.max(2, (v / max) * 26);
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', String(i * 14 + 1));
    rect.setAttribute('y', String(27 - h));
    rect.setAttribute('width', '10');
    rect.setAttribute('height', String(h));
    rect.setAttribute('rx', '2');
    svg.append(rect);
  });
  return svg;
}

/**
 * A comparison with an earlier mean, in words ("1.2 higher than last week").
 * @param {number | null} now
 * @param {number | null} before
 * @param {'last-week' | 'four-weeks'} what
 * @returns {string | null} null when either mean is missing
 */
function versus(now, before, what) {
  if (now === null || before === null) return null;
  const d = now - before;
  const direction = Math.abs(d) < 0.05 ? 'same' : d > 0 ? 'higher' : 'lower';
  return t(what === 'last-week' ? 'versus-last-week' : 'versus-four-weeks', { direction, diff: num(Math.abs(d), 1) });
}

/**
 * @param {string} text
 * @returns {string[]}
 */
const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export class WeekView {
  /**
   * @param {HTMLElement} root
   * @param {WeekDto} week
   * @param {{ changed: () => void, flush: () => void }} deps
   */
  constructor(root, week, { changed, flush }) {
    this.week = week.week;
    /** @type {boolean | null} */
    this.kept = week.content.kept_last_boundary;
    const s = week.summary;
    const first = describe(week.first_day).long;
    const last = describe(week.last_day).long;
    const weekNumber = Number(week.week.slice(6));

    const head = el(
      'header',
      { class: 'day-head week-head' },
      el('a', { class: 'nav-arrow', text: '‹', testid: 'prev-week', attrs: { href: `#/week/${week.previous_week}`, title: t('week-previous'), 'aria-label': t('week-previous') } }),
      el('div', { class: 'day-titles' }, el('p', { class: 'day-weekday', text: t('week-number', { week: weekNumber }) }), el('h1', { text: `${first} – ${last}`, testid: 'week-title', attrs: { 'data-week': week.week } })),
      el('a', { class: 'nav-arrow', text: '›', testid: 'next-week', attrs: { href: `#/week/${week.next_week}`, title: t('week-next'), 'aria-label': t('week-next') } }),
      el('div', { class: 'day-tools' }, el('a', { class: 'today-button', text: t('day-today'), attrs: { href: '#/' } })),
    );

    // The summary.
    const ratingRow = (/** @type {string} */ name, /** @type {'stress' | 'resilience' | 'overlap'} */ key, /** @type {number} */ max) => {
      /** @type {Measure} */
      const m = s.this_week[key];
      const values = s.days.map((d) => d[key]);
      return el(
        'div',
        { class: 'summary-row' },
        el('span', { class: 'summary-name', text: name }),
        bars(values, max, name, `bars-${key}`),
        el(
          'span',
          { class: 'summary-figures' },
          el('strong', { text: fmt(m.mean), testid: `week-${key}-mean` }),
          el('span', { text: m.n ? ` · ${m.min}–${m.max} · ${t('days', { n: m.n })}` : ` · ${t('week-no-checkins')}`, testid: `week-${key}-range` }),
        ),
        el('span', {
          class: 'summary-compare',
          text: [versus(m.mean, s.last_week[key].mean, 'last-week'), versus(m.mean, s.four_weeks[key].mean, 'four-weeks')]
            .filter(Boolean)
            .join(' · '),
        }),
      );
    };
    const dots = el('span', { class: 'boundary-dots' });
    for (const d of s.days) {
      dots.append(el('span', { class: `dot dot-${d.boundary ?? 'none'}`, attrs: { title: `${describe(d.date).weekday}: ${d.boundary === 'kept' ? t('week-boundary-kept') : d.boundary === 'broken' ? t('week-boundary-broken') : t('week-not-answered')}` } }));
    }
    const answered = s.boundary_kept + s.boundary_broken;
    const summary = el(
      'section',
      { class: 'card week-summary', testid: 'week-summary' },
      el('h2', { text: t('week-in-brief') }),
      ratingRow(t('scale-stress'), 'stress', 10),
      ratingRow(t('scale-resilience'), 'resilience', 10),
      ratingRow(t('week-overlap'), 'overlap', 7),
      el(
        'div',
        { class: 'summary-row' },
        el('span', { class: 'summary-name', text: t('week-boundary') }),
        dots,
        el('span', { class: 'summary-figures', testid: 'week-boundary', text: answered ? t('week-boundary-held', { kept: s.boundary_kept, answered }) : t('week-not-answered') }),
        el('span', { class: 'summary-compare', testid: 'week-after-hours', text: t('week-after-hours', { minutes: s.after_hours_minutes }) }),
      ),
      el('p', { class: 'summary-line', testid: 'week-checked-in', text: t('week-checked-in', { n: s.n_checked_in }) }),
      s.review_days.stress.mean !== null && s.other_days.stress.mean !== null
        ? el('p', { class: 'summary-line', testid: 'week-review', text: t('week-review-days', { review: fmt(s.review_days.stress.mean), other: fmt(s.other_days.stress.mean) }) })
        : null,
      s.hardest_day
        ? el(
            'p',
            { class: 'summary-line hardest', testid: 'week-hardest' },
            t('week-hardest'),
            ' ',
            el('a', { text: t('week-hardest-day', { weekday: describe(s.hardest_day.date).weekday, stress: s.hardest_day.stress }), attrs: { href: `#/day/${s.hardest_day.date}` } }),
            s.hardest_day.excerpt ? el('q', { text: s.hardest_day.excerpt }) : null,
          )
        : null,
    );

    // Last week's boundary, and whether it held.
    const keptYes = button(t('kept-yes'), () => this.setKept(this.kept === true ? null : true), { testid: 'kept-yes', class: 'choice' });
    const keptNo = button(t('kept-no'), () => this.setKept(this.kept === false ? null : false), { testid: 'kept-no', class: 'choice' });
    this.keptButtons = { keptYes, keptNo };
    const lastBoundary = week.last_week_boundary
      ? el(
          'section',
          { class: 'card last-boundary', testid: 'last-boundary' },
          el('h2', { text: t('last-boundary') }),
          el('p', { class: 'boundary-text', text: week.last_week_boundary, testid: 'last-boundary-text' }),
          el('div', { class: 'boundary-choices' }, el('span', { text: t('last-boundary-kept') }), keptYes, keptNo),
        )
      : null;
    this.changed = changed;

    // The week's prompts.
    /** @type {Map<string, HTMLTextAreaElement>} */
    this.answers = new Map();
    const promptList = el('div', { class: 'week-prompts' });
    for (const p of week.prompts) {
      const area = el('textarea', { class: 'week-answer', testid: `answer-${p.id}`, attrs: { rows: '3', 'aria-label': p.text } });
      area.value = week.content.answers.find((a) => a.prompt_id === p.id)?.text ?? '';
      this.answers.set(p.id, area);
      promptList.append(el('label', { class: 'week-prompt' }, el('span', { class: 'prompt-text', text: p.text }), area));
    }
    // Answers to prompts no longer in the set are kept, not dropped.
    this.otherAnswers = week.content.answers.filter((a) => !this.answers.has(a.prompt_id));

    const ledger = (/** @type {string} */ title, /** @type {string} */ testid, /** @type {string[]} */ items, /** @type {string} */ hint) => {
      const area = el('textarea', { class: 'ledger-list', testid, attrs: { rows: '5', placeholder: hint, 'aria-label': title } });
      area.value = items.join('\n');
      return { area, box: el('label', { class: 'ledger-col' }, el('span', { class: 'ledger-title', text: title }), area) };
    };
    const gave = ledger(t('ledger-gave'), 'ledger-gave', week.content.role_gave, t('ledger-gave-hint'));
    const cost = ledger(t('ledger-cost'), 'ledger-cost', week.content.role_cost, t('ledger-cost-hint'));
    this.gave = gave.area;
    this.cost = cost.area;
    this.nextBoundary = el('input', { class: 'next-boundary', testid: 'next-boundary', attrs: { type: 'text', maxlength: '300', placeholder: t('next-boundary-placeholder'), 'aria-label': t('next-boundary') } });
    this.nextBoundary.value = week.content.next_boundary;

    // The values: did the week's pressure test each, and did it hold?
    /** @type {Map<number, { radios: Record<ValueOutcome, HTMLInputElement>, why: HTMLInputElement }>} */
    this.valueRows = new Map();
    const valueList = el('div', { class: 'value-checks' });
    for (const v of week.values) {
      const saved = week.content.values.find((c) => c.value === v.id);
      const group = el('fieldset', { class: 'value-check', testid: `value-${v.id}` });
      group.append(el('legend', { class: 'value-name', text: v.name }));
      if (v.practice) group.append(el('p', { class: 'value-practice', text: v.practice }));
      const row = el('div', { class: 'boundary-choices' });
      /** @type {Record<ValueOutcome, HTMLInputElement>} */
      const radios = /** @type {any} */ ({});
      for (const [outcome, text] of choices(outcomes())) {
        const input = el('input', { attrs: { type: 'radio', name: `value-${v.id}`, value: outcome } });
        input.checked = saved?.outcome === outcome;
        radios[outcome] = input;
        row.append(el('label', { class: `boundary-choice outcome-${outcome}`, testid: `value-${v.id}-${outcome}` }, input, el('span', { text })));
      }
      const why = el('input', { class: 'value-why', testid: `value-${v.id}-why`, attrs: { type: 'text', maxlength: '500', placeholder: t('value-why-placeholder'), 'aria-label': t('value-why', { value: v.name }) } });
      why.value = saved?.why ?? '';
      group.append(row, why);
      this.valueRows.set(v.id, { radios, why });
      valueList.append(group);
    }
    const valuesCard = el(
      'section',
      { class: 'card week-values', testid: 'week-values' },
      el('h2', { text: t('week-values') }),
      week.values.length
        ? el('p', { class: 'hint', text: t('week-values-hint') })
        : el('p', { class: 'hint' }, t('week-values-none-before'), el('a', { text: t('nav-settings'), attrs: { href: '#/settings' } }), t('week-values-none-after')),
      valueList,
    );
    // Answers for values no longer shown are kept, not dropped.
    this.otherValues = week.content.values.filter((c) => !this.valueRows.has(c.value));

    const events = week.events.length
      ? el('ul', { class: 'event-list', testid: 'week-events', attrs: { 'aria-label': t('week-events-label') } }, ...week.events.map((e) => el('li', { class: 'event-item' }, eventLine(e))))
      : null;

    const page = el(
      'article',
      { class: 'week-page', testid: 'week-page' },
      head,
      events,
      summary,
      lastBoundary,
      el('section', { class: 'card' }, el('h2', { text: t('week-questions') }), promptList),
      valuesCard,
      el('section', { class: 'card' }, el('h2', { text: t('ledger') }), el('div', { class: 'ledger' }, gave.box, cost.box)),
      el('section', { class: 'card' }, el('h2', { text: t('next-boundary') }), this.nextBoundary),
    );
    page.addEventListener('input', () => changed());
    page.addEventListener('change', () => changed());
    page.addEventListener('focusout', () => flush());
    root.replaceChildren(page);
    this.drawKept();
  }

  /** @param {boolean | null} kept */
  setKept(kept) {
    this.kept = kept;
    this.drawKept();
    this.changed();
  }

  drawKept() {
    this.keptButtons.keptYes.setAttribute('aria-pressed', String(this.kept === true));
    this.keptButtons.keptNo.setAttribute('aria-pressed', String(this.kept === false));
  }

  /** @returns {WeekContent} */
  content() {
    return {
      answers: [...[...this.answers].map(([prompt_id, area]) => ({ prompt_id, text: area.value })), ...this.otherAnswers],
      role_gave: lines(this.gave.value),
      role_cost: lines(this.cost.value),
      next_boundary: this.nextBoundary.value,
      kept_last_boundary: this.kept,
      values: [...this.valueChecks(), ...this.otherValues],
    };
  }

  /** @returns {ValueCheck[]} the values with an answer */
  valueChecks() {
    /** @type {ValueCheck[]} */
    const out = [];
    for (const [value, { radios, why }] of this.valueRows) {
      const chosen = choices(outcomes()).find(([outcome]) => radios[outcome].checked);
      if (chosen) out.push({ value, outcome: chosen[0], why: why.value.trim() });
    }
    return out;
  }
}
