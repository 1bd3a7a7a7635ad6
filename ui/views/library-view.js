// @ts-check
/**
 * The library (`#/library?q=…`): search across both sides and the weekly reflections, the tags
 * with their counts, a calendar of days shaded by stress (a month, or the whole year) with the
 * work cycle's events marked, and the events of the span it shows (added and removed here).
 * Results open their day with the words highlighted. Snippet marks are drawn as <mark>
 * elements around text nodes: no HTML is ever built from text.
 */

import { addDays, describe, monthName } from '../dates.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { eventDates, eventForm, eventLine, kindName } from './events.js';

/** @typedef {import('../bindings/Found').Found} Found */
/** @typedef {import('../bindings/TagCountDto').TagCountDto} TagCountDto */
/** @typedef {import('../bindings/CalendarDayDto').CalendarDayDto} CalendarDayDto */
/**
 * @typedef {{
 *   search: (q: string) => Promise<Found>,
 *   tags: () => Promise<TagCountDto[]>,
 *   calendar: (from: string, to: string) => Promise<CalendarDayDto[]>,
 *   events: (from: string, to: string) => Promise<CycleEvent[]>,
 *   addEvent: (event: { start: string, end: string | null, kind: string, note: string }) => Promise<CycleEvent>,
 *   removeEvent: (id: number) => Promise<CycleEvent>,
 *   setQuery: (q: string) => void,
 *   failed: (message: string) => void,
 * }} LibraryApi
 */

/** @typedef {import('../bindings/CycleEvent').CycleEvent} CycleEvent */

/** @returns {Record<import('../bindings/HitSide').HitSide, string>} */
const sideNames = () => ({ role: t('side-role'), self: t('side-self'), week: t('title-week'), event: t('hit-event') });

/** @param {number} y @param {number} m 1-based */
const monthStart = (y, m) => `${y}-${String(m).padStart(2, '0')}-01`;

export class LibraryView {
  /**
   * @param {HTMLElement} root
   * @param {string} today
   * @param {LibraryApi} api
   */
  constructor(root, today, api) {
    this.api = api;
    this.year = Number(today.slice(0, 4));
    this.month = Number(today.slice(5, 7));
    /** @type {'month' | 'year'} */
    this.mode = 'month';
    this.input = el('input', { class: 'search-input', testid: 'library-search', attrs: { type: 'search', placeholder: t('search-placeholder'), 'aria-label': t('search-label') } });
    this.results = el('ol', { class: 'results', testid: 'search-results' });
    this.summary = el('p', { class: 'page-hint', testid: 'search-summary' });
    this.tags = el('div', { class: 'tag-cloud', testid: 'tag-list' });
    this.calendarTitle = el('h2', { testid: 'calendar-title' });
    this.calendarGrid = el('div', { class: 'calendar', testid: 'calendar' });
    this.today = today;
    this.eventList = el('ul', { class: 'event-list', testid: 'event-list', attrs: { 'aria-label': t('events-span-label') } });
    const addForm = eventForm(today, async (event) => {
      try {
        const added = await api.addEvent(event);
        // Show the month it starts in, so the person sees it where they put it.
        this.year = Number(added.start.slice(0, 4));
        this.month = Number(added.start.slice(5, 7));
        await this.drawCalendar();
      } catch (e) {
        api.failed(/** @type {{ message?: string }} */ (e).message ?? String(e));
        throw e;
      }
    });
    this.eventForm = addForm;
    const form = el('form', { class: 'search-form' }, this.input, el('button', { class: 'choice primary-choice', text: t('search'), attrs: { type: 'submit' } }));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      api.setQuery(this.input.value);
    });
    const nav = (/** @type {number} */ delta) => () => {
      if (this.mode === 'year') this.year += delta;
      else {
        this.month += delta;
        if (this.month < 1) [this.month, this.year] = [12, this.year - 1];
        if (this.month > 12) [this.month, this.year] = [1, this.year + 1];
      }
      void this.drawCalendar();
    };
    const modeButton = el('button', { class: 'choice', text: t('calendar-year'), testid: 'calendar-mode', attrs: { type: 'button' } });
    modeButton.addEventListener('click', () => {
      this.mode = this.mode === 'month' ? 'year' : 'month';
      modeButton.textContent = this.mode === 'month' ? t('calendar-year') : t('calendar-month');
      void this.drawCalendar();
    });
    root.replaceChildren(
      el(
        'article',
        { class: 'library-page', testid: 'library-page' },
        el('header', { class: 'page-head' }, el('h1', { text: t('nav-library') }), el('p', { class: 'page-hint', text: t('library-hint') })),
        form,
        this.summary,
        this.results,
        el(
          'div',
          { class: 'trends-pair' },
          el(
            'section',
            { class: 'card' },
            el('div', { class: 'calendar-head' }, el('button', { class: 'nav-arrow small-arrow', text: '‹', attrs: { type: 'button', 'aria-label': t('calendar-earlier') }, on: { click: nav(-1) } }), this.calendarTitle, el('button', { class: 'nav-arrow small-arrow', text: '›', attrs: { type: 'button', 'aria-label': t('calendar-later') }, on: { click: nav(1) } }), modeButton),
            this.calendarGrid,
          ),
          el('section', { class: 'card' }, el('h2', { text: t('tags') }), this.tags),
        ),
        el(
          'section',
          { class: 'card events-card', testid: 'events-card' },
          el('h2', { text: t('cycle-title') }),
          el('p', { class: 'page-hint', text: t('cycle-hint') }),
          addForm,
          this.eventList,
        ),
      ),
    );
  }

  /** @param {string} query */
  async show(query) {
    this.input.value = query;
    this.input.focus();
    await Promise.all([this.drawResults(query), this.drawTags(), this.drawCalendar()]);
  }

  /** @param {string} query */
  async drawResults(query) {
    this.results.replaceChildren();
    if (!query.trim()) {
      this.summary.textContent = '';
      return;
    }
    try {
      const found = await this.api.search(query);
      this.summary.textContent = found.hits.length ? t(found.hits.length === 200 ? 'search-results-more' : 'search-results', { n: found.hits.length }) : t('search-nothing');
      for (const hit of found.hits) {
        const snippet = el('p', { class: 'snippet' });
        for (const seg of hit.snippet) snippet.append(seg.hit ? el('mark', { text: seg.text }) : document.createTextNode(seg.text));
        const href = hit.week ? `#/week/${hit.week}` : `#/day/${hit.date}?h=${encodeURIComponent(found.terms.join(','))}`;
        const when = hit.week ? t('hit-week', { week: Number(hit.week.slice(6)), year: hit.week.slice(0, 4) }) : `${describe(hit.date).weekday}, ${describe(hit.date).long}`;
        this.results.append(
          el(
            'li',
            { class: 'result', testid: 'search-result' },
            el('a', { class: 'result-link', testid: 'result-link', attrs: { href }, text: when }),
            el('span', { class: `result-side side-${hit.side}`, text: sideNames()[hit.side] }),
            snippet,
          ),
        );
      }
    } catch (e) {
      this.summary.textContent = /** @type {{ message?: string }} */ (e).message ?? String(e);
    }
  }

  async drawTags() {
    try {
      const tags = await this.api.tags();
      this.tags.replaceChildren(
        ...(tags.length
          ? tags.map((tag) => el('a', { class: 'tag-chip', testid: 'tag-chip', text: `#${tag.tag} ${tag.days}`, attrs: { href: `#/library?q=${encodeURIComponent(`#${tag.tag}`)}` } }))
          : [el('p', { class: 'page-hint', text: t('tags-none') })]),
      );
    } catch (e) {
      this.api.failed(/** @type {{ message?: string }} */ (e).message ?? String(e));
    }
  }

  async drawCalendar() {
    const months = this.mode === 'year' ? Array.from({ length: 12 }, (_, i) => i + 1) : [this.month];
    const from = monthStart(this.year, months[0]);
    const to = addDays(this.mode === 'year' ? `${this.year + 1}-01-01` : monthStart(this.month === 12 ? this.year + 1 : this.year, this.month === 12 ? 1 : this.month + 1), -1);
    this.calendarTitle.textContent = this.mode === 'year' ? String(this.year) : monthName(monthStart(this.year, this.month).slice(0, 7));
    try {
      const [days, events] = await Promise.all([this.api.calendar(from, to), this.api.events(from, to)]);
      const byDate = new Map(days.map((d) => [d.date, d]));
      this.calendarGrid.className = `calendar ${this.mode}`;
      this.calendarGrid.replaceChildren(...months.map((m) => this.monthGrid(this.year, m, byDate, events)));
      this.drawEvents(events);
    } catch (e) {
      this.api.failed(/** @type {{ message?: string }} */ (e).message ?? String(e));
    }
  }

  /**
   * @param {number} year
   * @param {number} month
   * @param {Map<string, CalendarDayDto>} byDate
   * @param {CycleEvent[]} events
   */
  monthGrid(year, month, byDate, events) {
    const grid = el('div', { class: 'month', testid: 'calendar-month' });
    if (this.mode === 'year') grid.append(el('p', { class: 'month-name', text: monthName(monthStart(year, month).slice(0, 7), 'short', false) }));
    const cells = el('div', { class: 'month-cells' });
    const first = monthStart(year, month);
    const offset = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday first
    for (let i = 0; i < offset; i++) cells.append(el('span', { class: 'cell empty' }));
    for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) {
      const day = byDate.get(d);
      const on = events.filter((e) => e.start <= d && d <= e.end);
      const title = [day ? t('calendar-day', { date: describe(d).long, stress: day.stress ?? '–' }) : describe(d).long, ...on.map((e) => `${kindName(e.kind)}${e.note ? `: ${e.note}` : ''}`)].join('\n');
      const cell = el('a', { class: `cell${day ? ' has-page' : ''}${on.length ? ' has-event' : ''}`, text: this.mode === 'month' ? String(Number(d.slice(8))) : '', attrs: { href: `#/day/${d}`, title, 'aria-label': title.replace(/\n/g, '; '), 'data-date': d } });
      if (on.some((e) => e.kind === 'time-off')) cell.classList.add('day-off');
      if (day && day.stress !== null) cell.style.setProperty('--stress', String(day.stress / 10));
      if (day && day.stress !== null) cell.classList.add('rated');
      cells.append(cell);
    }
    grid.append(cells);
    return grid;
  }

  /** @param {CycleEvent[]} events the events of the span the calendar shows */
  drawEvents(events) {
    this.eventList.replaceChildren(
      ...(events.length
        ? events.map((e) =>
            el(
              'li',
              { class: 'event-item', testid: 'event-item' },
              eventLine(e),
              el('button', {
                class: 'choice small-choice',
                text: t('event-remove'),
                testid: `event-remove-${e.id}`,
                attrs: { type: 'button', 'aria-label': t('event-remove-label', { kind: kindName(e.kind), dates: eventDates(e) }) },
                on: {
                  click: () =>
                    void this.api
                      .removeEvent(e.id)
                      .then(() => this.drawCalendar())
                      .catch((err) => this.api.failed(/** @type {{ message?: string }} */ (err).message ?? String(err))),
                },
              }),
            ),
          )
        : [el('li', { class: 'page-hint', text: t('events-none') })]),
    );
  }
}
