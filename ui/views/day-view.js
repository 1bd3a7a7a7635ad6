// @ts-check
/**
 * The daily page: the date with its navigation, "What I do" beside "Who I am", and the day's
 * check-in (stress, resilience, role overlap, boundary). It draws a day and reports changes to
 * the autosaver; it does not decide when or how to save.
 */

import { eventLine } from './events.js';
import { addDays, describe } from '../dates.js';
import { highlight } from '../components/markdown-side.js';
import '../components/rating-scale.js';
import '../components/overlap-circles.js';
import '../components/prompt-card.js';
import { button, el } from '../dom.js';
import { t } from '../i18n.js';

/** @typedef {import('../bindings/AppInfoDto').AppInfoDto} AppInfoDto */
/** @typedef {import('../bindings/DayDto').DayDto} DayDto */
/** @typedef {import('../bindings/PageDto').PageDto} PageDto */
/** @typedef {import('../bindings/Boundary').Boundary} Boundary */
/** @typedef {import('../components/markdown-side.js').MarkdownSide} MarkdownSide */
/** @typedef {import('../components/rating-scale.js').RatingScale} RatingScale */
/** @typedef {import('../components/overlap-circles.js').OverlapCircles} OverlapCircles */
/** @typedef {import('../components/prompt-card.js').PromptCard} PromptCard */
/** @typedef {import('../bindings/DayPromptsDto').DayPromptsDto} DayPromptsDto */
/** @typedef {import('../bindings/Prompt').Prompt} Prompt */
/** @typedef {import('../bindings/Side').Side} Side */
/**
 * @typedef {{
 *   another: (date: string, side: Side) => Promise<DayPromptsDto>,
 *   hide: (date: string, id: string) => Promise<DayPromptsDto>,
 *   failed: (message: string) => void,
 * }} PromptActions
 */

/**
 * @typedef {{
 *   answer: (date: string, answer: import('../bindings/Answer').Answer) => Promise<DayDto>,
 *   stillWorking: (date: string) => Promise<import('../bindings/StillWorkingDto').StillWorkingDto | null>,
 *   failed: (message: string) => void,
 * }} WorkEndActions
 */

/**
 * A scale's words at its low end, middle and high end.
 * @param {string} field
 * @returns {[string, string, string] | undefined}
 */
const scaleWords = (field) =>
  /** @type {Record<string, [string, string, string]>} */ ({
    stress: [t('scale-stress-low'), t('scale-stress-middle'), t('scale-stress-high')],
    resilience: [t('scale-resilience-low'), t('scale-resilience-middle'), t('scale-resilience-high')],
    overlap: [t('scale-overlap-low'), t('scale-overlap-middle'), t('scale-overlap-high')],
  })[field];

/** @param {string} field a scale's field @returns {string} its name on the check-in */
const scaleName = (field) => ({ stress: t('scale-stress'), resilience: t('scale-resilience'), overlap: t('scale-overlap') })[field] ?? field;

export class DayView {
  /**
   * @param {HTMLElement} root
   * @param {{ info: AppInfoDto, render: (text: string) => Promise<string>, renderMarked: (text: string, terms: string[]) => Promise<import('../bindings/Marked').Marked>, changed: () => void, flush: () => void, go: (date: string) => void, prompts: PromptActions, workEnd: WorkEndActions }} deps
   */
  constructor(root, { info, render, renderMarked, changed, flush, go, prompts, workEnd }) {
    this.changed = changed;
    this.info = info;
    this.workEndActions = workEnd;
    this.renderMarked = renderMarked;
    /** @type {string | null} */
    this.date = null;
    root.replaceChildren();
    const page = document.createElement('article');
    page.className = 'day-page';
    page.dataset.testid = 'day-page';

    // Date header.
    const head = document.createElement('header');
    head.className = 'day-head';
    const prev = button('‹', () => this.date && go(addDays(this.date, -1)), { class: 'nav-arrow', testid: 'prev-day', title: t('day-previous') });
    const next = button('›', () => this.date && go(addDays(this.date, 1)), { class: 'nav-arrow', testid: 'next-day', title: t('day-next') });
    const titles = document.createElement('div');
    titles.className = 'day-titles';
    this.weekday = document.createElement('p');
    this.weekday.className = 'day-weekday';
    this.title = document.createElement('h1');
    this.title.dataset.testid = 'day-title';
    titles.append(this.weekday, this.title);
    const tools = document.createElement('div');
    tools.className = 'day-tools';
    this.picker = document.createElement('input');
    this.picker.type = 'date';
    this.picker.dataset.testid = 'date-picker';
    this.picker.setAttribute('aria-label', t('day-go-to'));
    this.picker.addEventListener('change', () => {
      if (this.picker.value) go(this.picker.value);
    });
    const today = button(t('day-today'), () => go(''), { class: 'today-button', testid: 'today', title: t('nav-brand-title') });
    this.weekLink = el('a', { class: 'today-button', testid: 'day-week-link', text: t('title-week'), attrs: { href: '#/' } });
    tools.append(this.picker, today, this.weekLink);
    head.append(prev, titles, next, tools);

    // The two sides.
    const sides = document.createElement('div');
    sides.className = 'sides';
    this.role = /** @type {MarkdownSide} */ (document.createElement('keel-side'));
    this.self = /** @type {MarkdownSide} */ (document.createElement('keel-side'));
    sides.append(this.role, this.self);
    this.role.setup({
      side: 'role',
      title: t('side-role'),
      hint: t('side-role-hint'),
      placeholder: t('side-role-placeholder'),
      render,
    });
    this.self.setup({
      side: 'self',
      title: t('side-self'),
      hint: t('side-self-hint'),
      placeholder: t('side-self-placeholder'),
      render,
    });
    for (const side of [this.role, this.self]) {
      side.addEventListener('input', () => this.changed());
      side.addEventListener('focusout', () => flush());
    }

    // The prompts: one above each column, sometimes a bridge between them, and the weekly
    // set on the reflection day.
    this.rolePrompt = /** @type {PromptCard} */ (document.createElement('keel-prompt'));
    this.selfPrompt = /** @type {PromptCard} */ (document.createElement('keel-prompt'));
    this.bridgePrompt = /** @type {PromptCard} */ (document.createElement('keel-prompt'));
    this.role.promptSlot.append(this.rolePrompt);
    this.self.promptSlot.append(this.selfPrompt);
    const bridge = el('div', { class: 'bridge' }, this.bridgePrompt);
    this.weeklyList = el('ul', { class: 'weekly-list' });
    this.weeklySummary = el('summary', { text: t('day-weekly-offer') });
    this.reflectLink = el('a', { class: 'reflect-link', testid: 'reflect-link', text: t('day-reflect-link'), attrs: { href: '#/' } });
    this.weekly = el('details', { class: 'weekly-offer', testid: 'weekly-offer' }, this.weeklySummary, this.weeklyList, this.reflectLink);
    this.weekly.hidden = true;
    /** @param {Promise<DayPromptsDto>} pending */
    const update = async (pending) => {
      try {
        this.showPrompts(await pending);
      } catch (error) {
        prompts.failed(/** @type {{ message?: string }} */ (error).message ?? String(error));
      }
    };
    page.addEventListener('another', (event) => {
      const prompt = /** @type {CustomEvent<Prompt>} */ (event).detail;
      if (this.date) void update(prompts.another(this.date, prompt.side));
    });
    page.addEventListener('hide', (event) => {
      const prompt = /** @type {CustomEvent<Prompt>} */ (event).detail;
      if (this.date) void update(prompts.hide(this.date, prompt.id));
    });

    // The check-in.
    const checkin = document.createElement('section');
    checkin.className = 'checkin';
    checkin.dataset.testid = 'checkin';
    const h2 = document.createElement('h2');
    h2.textContent = t('checkin-title');
    /** @type {Record<string, RatingScale>} */
    this.ratings = {};
    const grid = document.createElement('div');
    grid.className = 'checkin-grid';
    for (const scale of info.scales) {
      const el = /** @type {RatingScale} */ (document.createElement('keel-rating'));
      el.setup(scale, scaleName(scale.field), scaleWords(scale.field) ?? [scale.low_words, scale.middle_words, scale.high_words]);
      el.addEventListener('change', () => {
        if (scale.field === 'overlap') this.circles.draw(el.value);
        this.changed();
      });
      this.ratings[scale.field] = el;
      const cell = document.createElement('div');
      cell.className = `checkin-cell cell-${scale.field}`;
      cell.append(el);
      grid.append(cell);
    }
    this.circles = /** @type {OverlapCircles} */ (document.createElement('keel-overlap'));
    grid.querySelector('.cell-overlap')?.append(this.circles);

    const boundary = document.createElement('fieldset');
    boundary.className = 'boundary checkin-cell';
    const legend = document.createElement('legend');
    legend.textContent = t('boundary-question', { time: info.end_of_work });
    boundary.append(legend);
    const boundaryRow = document.createElement('div');
    boundaryRow.className = 'boundary-choices';
    /** @type {Record<Boundary, HTMLInputElement>} */
    this.boundary = { kept: document.createElement('input'), broken: document.createElement('input') };
    /** @type {[Boundary, string][]} */
    const answers = [['kept', t('boundary-kept')], ['broken', t('boundary-broken')]];
    for (const [value, text] of answers) {
      const label = document.createElement('label');
      label.className = `boundary-choice boundary-${value}`;
      label.dataset.testid = `boundary-${value}`;
      const input = this.boundary[value];
      input.type = 'radio';
      input.name = 'boundary';
      input.value = value;
      const span = document.createElement('span');
      span.textContent = text;
      label.append(input, span);
      input.addEventListener('change', () => {
        this.changed();
        // Answered here: the end-of-work buttons for an unanswered day have done their part.
        if (this.workEnd.querySelector('[data-testid="work-still"]')) this.workEnd.hidden = true;
      });
      boundaryRow.append(label);
    }
    const minutesLabel = document.createElement('label');
    minutesLabel.className = 'after-hours';
    this.minutes = document.createElement('input');
    this.minutes.type = 'number';
    this.minutes.min = '0';
    this.minutes.max = '1440';
    this.minutes.step = '5';
    this.minutes.inputMode = 'numeric';
    this.minutes.dataset.testid = 'after-hours';
    this.minutes.addEventListener('input', () => this.changed());
    this.minutes.addEventListener('focusout', () => flush());
    const minutesText = document.createElement('span');
    minutesText.textContent = t('boundary-minutes');
    minutesLabel.append(this.minutes, minutesText);
    // The end-of-work answers, as the reminder offers them (today, or a "Still working" open).
    this.workEnd = el('div', { class: 'work-end', testid: 'work-end', attrs: { role: 'group', 'aria-label': t('work-end-label') } });
    this.workEnd.hidden = true;
    boundary.append(boundaryRow, minutesLabel, this.workEnd);
    grid.append(boundary);

    this.earlier = el('section', { class: 'earlier', testid: 'on-this-day' });
    this.earlier.hidden = true;
    this.events = el('ul', { class: 'event-list day-events', testid: 'day-events', attrs: { 'aria-label': t('day-events-label') } });
    this.events.hidden = true;

    this.tags = document.createElement('p');
    this.tags.className = 'tags';
    this.tags.dataset.testid = 'tags';
    checkin.append(h2, grid, this.tags);

    page.append(head, this.events, bridge, this.weekly, sides, checkin, this.earlier);
    root.append(page);
  }

  /**
   * Draws `day`.
   * @param {DayDto} day
   * @param {string} today
   */
  show(day, today) {
    this.date = day.date;
    const { weekday, long } = describe(day.date);
    this.weekday.textContent = day.date === today ? t('day-today-weekday', { weekday }) : weekday;
    this.title.textContent = long;
    this.title.dataset.date = day.date;
    this.picker.value = day.date;
    this.showContent(day);
    this.showPrompts({ date: day.date, role: null, self: null, bridge: null, weekly: [] });
  }

  /**
   * Draws the day's texts and check-in anew (what sync or a merged save brought), keeping
   * the rest of the page as it is.
   * @param {DayDto} day
   */
  showContent(day) {
    if (this.role.text !== day.role) this.role.text = day.role;
    if (this.self.text !== day.self) this.self.text = day.self;
    this.ratings.stress.value = day.stress;
    this.ratings.resilience.value = day.resilience;
    this.ratings.overlap.value = day.overlap;
    this.circles.draw(day.overlap);
    this.boundary.kept.checked = day.boundary === 'kept';
    this.boundary.broken.checked = day.boundary === 'broken';
    this.minutes.value = day.after_hours_minutes === null ? '' : String(day.after_hours_minutes);
    this.showTags(day.tags);
  }

  /**
   * Draws the day's prompts (ignored if the page has moved on to another day meanwhile).
   * @param {DayPromptsDto} prompts
   */
  showPrompts(prompts) {
    if (prompts.date !== this.date) return;
    this.rolePrompt.show(prompts.role, 'role');
    this.selfPrompt.show(prompts.self, 'self');
    this.bridgePrompt.show(prompts.bridge, 'bridge');
    this.weeklyList.replaceChildren(...prompts.weekly.map((p) => el('li', { text: p.text, testid: 'weekly-prompt' })));
    this.weekly.hidden = prompts.weekly.length === 0;
  }

  /**
   * Points the week links at the week holding this day.
   * @param {string} week YYYY-Www
   */
  showWeek(week) {
    const href = `#/week/${week}`;
    this.weekLink.setAttribute('href', href);
    this.weekLink.textContent = t('week-number', { week: Number(week.slice(6)) });
    this.reflectLink.setAttribute('href', href);
  }

  /**
   * Opens the previews of the sides that hold any of `terms` (folded words), highlighted.
   * @param {string[]} terms
   */
  async highlight(terms) {
    await Promise.all([highlight(this.role, terms, this.renderMarked), highlight(this.self, terms, this.renderMarked)]);
  }

  /** @param {import('../bindings/CycleEvent').CycleEvent[]} events the events this day is part of */
  showEvents(events) {
    this.events.hidden = events.length === 0;
    this.events.replaceChildren(...events.map((e) => el('li', { class: 'event-item' }, eventLine(e))));
  }

  /**
   * The same date in earlier years.
   * @param {import('../bindings/EarlierPage').EarlierPage[]} pages
   */
  showEarlier(pages) {
    this.earlier.hidden = pages.length === 0;
    this.earlier.replaceChildren(
      el('h2', { text: t('on-this-day') }),
      el(
        'ul',
        {},
        ...pages.map((p) =>
          el(
            'li',
            {},
            el('a', { text: t('years-ago', { years: p.years_ago }), attrs: { href: `#/day/${p.date}` } }),
            ` · ${p.excerpt}`,
          ),
        ),
      ),
    );
  }

  /**
   * Draws the boundary's answer from `day` (an answer to a reminder changed it).
   * @param {DayDto} day
   */
  showBoundary(day) {
    if (day.date !== this.date) return;
    this.boundary.kept.checked = day.boundary === 'kept';
    this.boundary.broken.checked = day.boundary === 'broken';
    this.minutes.value = day.after_hours_minutes === null ? '' : String(day.after_hours_minutes);
  }

  /**
   * The end-of-work answers: "Still working since…" with "Done for today" while one is open;
   * on today, with the end-of-work reminder on and no answer yet, both buttons.
   * @param {import('../bindings/StillWorkingDto').StillWorkingDto | null} still
   * @param {string} today
   */
  showWorkEnd(still, today) {
    const date = this.date;
    if (!date) return;
    /** @param {import('../bindings/Answer').Answer} answer @param {string} label @param {string} testid */
    const answerButton = (answer, label, testid) =>
      button(label, () => {
        void this.workEndActions
          .answer(date, answer)
          .then(async (day) => {
            this.showBoundary(day);
            this.showWorkEnd(await this.workEndActions.stillWorking(date), today);
          })
          .catch((e) => this.workEndActions.failed(/** @type {{ message?: string }} */ (e).message ?? String(e)));
      }, { class: 'choice', testid });
    const unanswered = !this.boundary.kept.checked && !this.boundary.broken.checked;
    if (still) {
      this.workEnd.replaceChildren(
        el('span', { testid: 'still-working', text: t('still-working-since', { since: still.since, end: still.end_of_work }) }),
        answerButton('done', t('work-done'), 'work-done'),
      );
      this.workEnd.hidden = false;
    } else if (date === today && unanswered && this.info.settings.reminders?.end_of_work) {
      this.workEnd.replaceChildren(answerButton('done', t('work-done'), 'work-done'), answerButton('still-working', t('work-still'), 'work-still'));
      this.workEnd.hidden = false;
    } else {
      this.workEnd.replaceChildren();
      this.workEnd.hidden = true;
    }
  }

  /** @param {string[]} tags */
  showTags(tags) {
    this.tags.textContent = tags.length ? tags.map((t) => `#${t}`).join('  ') : '';
  }

  /** @returns {PageDto} the page as it stands in the editor */
  page() {
    const minutes = this.minutes.value.trim();
    const number = Number(minutes);
    /** @type {Boundary | null} */
    let boundary = null;
    if (this.boundary.kept.checked) boundary = 'kept';
    if (this.boundary.broken.checked) boundary = 'broken';
    return {
      role: this.role.text,
      self: this.self.text,
      stress: this.ratings.stress.value,
      resilience: this.ratings.resilience.value,
      overlap: this.ratings.overlap.value,
      boundary,
      after_hours_minutes: minutes === '' || !Number.isFinite(number) ? null : Math.round(number),
    };
  }
}


