// @ts-check
/**
 * Trends (`#/trends`): stress and resilience over time with their 7-day rolling means and the
 * days the boundary broke, overlap on its own small chart, the weekday profile as bars, and the
 * core's comparisons as sentences, the work cycle's events as marked bands with their notes, and
 * how the person's values held, month by month, as a table of counts. Drawn as SVG here rather than with a chart library: a few
 * hundred to a few thousand points draw fast as SVG, the picture is saved as the very same SVG
 * (no canvas-to-image step), colours are written into the elements so the saved file stands
 * alone, and nothing is vendored or bundled. Hover a point for its values; click it to open
 * the day.
 */

import { choices, el, fmt } from '../dom.js';
import { describe, monthName, weekdayName } from '../dates.js';
import { t } from '../i18n.js';
import { eventDates, kindName } from './events.js';

/** @typedef {import('../bindings/Trends').Trends} Trends */
/** @typedef {import('../bindings/TrendPoint').TrendPoint} TrendPoint */
/** @typedef {import('../bindings/Range').Range} RangeName */
/** @typedef {import('../bindings/WeekdayName').WeekdayName} WeekdayName */

const SVG = 'http://www.w3.org/2000/svg';
/** @returns {Record<RangeName, string>} */
const rangeNames = () => ({ '30d': t('range-30d'), '90d': t('range-90d'), '1y': t('range-1y'), all: t('range-all') });
/** @param {WeekdayName} day */
const shortDay = (day) => weekdayName(day, 'short');

/**
 * @param {string} name
 * @param {Record<string, string | number>} attrs
 * @param {string} [text]
 */
function svgEl(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The page's colours, read once per drawing so the SVG carries them itself. */
function palette() {
  const css = getComputedStyle(document.documentElement);
  const v = (/** @type {string} */ name) => css.getPropertyValue(name).trim() || '#888';
  return { ink: v('--ink'), soft: v('--ink-soft'), rule: v('--rule'), role: v('--role'), self: v('--self'), ok: v('--ok'), warn: v('--warn'), sheet: v('--sheet') };
}

/** @param {string} iso */
const dayNumber = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;


export class TrendsView {
  /**
   * @param {HTMLElement} root
   * @param {{ load: (range: RangeName) => Promise<Trends>, save: (svg: string, name: string) => Promise<string | null>, open: (date: string) => void, failed: (message: string) => void }} deps
   */
  constructor(root, deps) {
    this.deps = deps;
    /** @type {RangeName} */
    this.range = '90d';
    this.ranges = el('div', { class: 'segmented', attrs: { role: 'group', 'aria-label': t('range-label') } });
    for (const [value, label] of choices(rangeNames())) {
      const b = el('button', { text: label, testid: `range-${value}`, attrs: { type: 'button' }, on: { click: () => void this.load(value) } });
      this.ranges.append(b);
    }
    const save = el('button', { class: 'choice', text: t('save-chart'), testid: 'save-chart', attrs: { type: 'button' }, on: { click: () => void this.saveChart() } });
    this.chartBox = el('div', { class: 'chart-box', testid: 'trend-chart' });
    this.overlapBox = el('div', { class: 'chart-box small', testid: 'overlap-chart' });
    this.weekdayBox = el('div', { class: 'chart-box small', testid: 'weekday-chart' });
    // The charts' text alternatives: their numbers as tables.
    this.dayTable = el('div', { testid: 'trend-table' });
    this.weekdayTable = el('div', { testid: 'weekday-table' });
    this.comparisons = el('ul', { class: 'comparisons', testid: 'comparisons' });
    this.values = el('div', { class: 'value-history', testid: 'value-history' });
    this.caption = el('p', { class: 'page-hint', testid: 'trend-caption' });
    root.replaceChildren(
      el(
        'article',
        { class: 'trends-page', testid: 'trends-page' },
        el('header', { class: 'page-head trends-head' }, el('div', {}, el('h1', { text: t('nav-trends') }), this.caption), el('div', { class: 'trends-tools' }, this.ranges, save)),
        el('section', { class: 'card' }, el('h2', { text: t('trends-main') }), this.chartBox, el(
          'p',
          { class: 'legend' },
          el('span', { class: 'swatch swatch-stress' }),
          ` ${t('scale-stress')}  `,
          el('span', { class: 'swatch swatch-resilience' }),
          ` ${t('scale-resilience')}  `,
          el('span', { class: 'swatch swatch-broken' }),
          ` ${t('trends-broke')}  `,
          el('span', { class: 'swatch swatch-event' }),
          ` ${t('trends-legend')}`,
        ), this.dayTable),
        el('div', { class: 'trends-pair' }, el('section', { class: 'card' }, el('h2', { text: t('trends-overlap') }), this.overlapBox), el('section', { class: 'card' }, el('h2', { text: t('trends-weekday') }), this.weekdayBox, this.weekdayTable)),
        el('section', { class: 'card' }, el('h2', { text: t('trends-side-by-side') }), this.comparisons, el('p', { class: 'legend', text: t('trends-side-by-side-hint') })),
        el('section', { class: 'card' }, el('h2', { text: t('trends-values') }), this.values, el('p', { class: 'legend', text: t('trends-values-hint') })),
      ),
    );
  }

  /** @param {RangeName} range */
  async load(range) {
    this.range = range;
    for (const b of this.ranges.children) b.setAttribute('aria-pressed', String(/** @type {HTMLElement} */ (b).dataset.testid === `range-${range}`));
    try {
      this.draw(await this.deps.load(range));
    } catch (e) {
      this.deps.failed(/** @type {{ message?: string }} */ (e).message ?? String(e));
    }
  }

  /** @param {Trends} tr */
  draw(tr) {
    const c = palette();
    this.caption.textContent = tr.points.length
      ? t('trends-caption', { n: tr.points.length, from: tr.from ? describe(tr.from).long : describe(tr.points[0].date).long, to: describe(tr.to).long })
      : t('trends-empty');
    this.chartBox.dataset.range = tr.range;
    this.chartBox.replaceChildren(this.mainChart(tr, c));
    this.overlapBox.replaceChildren(this.overlapChart(tr, c));
    this.weekdayBox.replaceChildren(this.weekdayChart(tr, c));
    this.dayTable.replaceChildren(this.daysAsTable(tr));
    this.weekdayTable.replaceChildren(this.weekdaysAsTable(tr));
    this.comparisons.replaceChildren(...tr.comparisons.map((cmp) => el('li', { class: cmp.enough ? '' : 'not-enough', text: cmp.sentence, testid: `comparison-${cmp.key}` })));
    this.values.replaceChildren(this.valueTable(tr));
  }

  /**
   * The days of the charts as a table, newest first: what a screen reader reads instead of the
   * dots and lines.
   * @param {Trends} tr
   */
  daysAsTable(tr) {
    const th = (/** @type {string} */ text, num = false) => el('th', { text, class: num ? 'num' : '', attrs: { scope: 'col' } });
    const td = (/** @type {string} */ text, num = true) => el('td', { text, class: num ? 'num' : '' });
    const dash = (/** @type {number | null} */ n) => (n === null ? '–' : String(n));
    const rows = [...tr.points].reverse().map((p) =>
      el(
        'tr',
        {},
        el('th', { text: describe(p.date).long, attrs: { scope: 'row' } }),
        td(dash(p.stress)),
        td(fmt(p.stress_mean)),
        td(dash(p.resilience)),
        td(fmt(p.resilience_mean)),
        td(dash(p.overlap)),
        td(p.boundary === 'kept' ? t('week-boundary-kept') : p.boundary === 'broken' ? t('week-boundary-broken') : '–', false),
      ),
    );
    return el(
      'details',
      { class: 'chart-table' },
      el('summary', { text: t('trends-table', { n: tr.points.length }) }),
      el(
        'div',
        { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': t('trends-table-label') } },
        el(
          'table',
          {},
          el('thead', {}, el('tr', {}, th(t('trends-table-day')), th(t('scale-stress'), true), th(t('trends-table-stress-mean'), true), th(t('scale-resilience'), true), th(t('trends-table-resilience-mean'), true), th(t('week-overlap'), true), th(t('week-boundary')))),
          el('tbody', {}, ...rows),
        ),
      ),
    );
  }

  /**
   * The weekday chart as a table.
   * @param {Trends} tr
   */
  weekdaysAsTable(tr) {
    const rows = tr.weekdays.map((w) =>
      el(
        'tr',
        {},
        el('th', { text: weekdayName(w.weekday) + (w.review_day ? ` (${t('trends-table-review-day')})` : ''), attrs: { scope: 'row' } }),
        el('td', { class: 'num', text: fmt(w.stress.mean) }),
        el('td', { class: 'num', text: String(w.stress.n) }),
      ),
    );
    return el(
      'details',
      { class: 'chart-table' },
      el('summary', { text: t('trends-weekday-table') }),
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, el('th', { text: t('trends-table-weekday'), attrs: { scope: 'col' } }), el('th', { class: 'num', text: t('trends-table-mean-stress'), attrs: { scope: 'col' } }), el('th', { class: 'num', text: t('trends-table-days'), attrs: { scope: 'col' } }))),
        el('tbody', {}, ...rows),
      ),
    );
  }

  /**
   * How each value held, month by month, as a table (a screen reader reads it cell by cell).
   * @param {Trends} tr
   */
  valueTable(tr) {
    if (!tr.values.length) {
      return el('p', { class: 'page-hint', testid: 'value-history-empty' }, t('trends-values-none-before'), el('a', { text: t('nav-settings'), attrs: { href: '#/settings' } }), t('trends-values-none-after'));
    }
    const months = [...new Set(tr.values.flatMap((v) => v.months.map((m) => m.month)))].sort();
    const head = el('tr', {}, el('th', { text: t('trends-value'), attrs: { scope: 'col' } }), ...months.map((m) => el('th', { text: monthName(m, 'short'), attrs: { scope: 'col' } })));
    const rows = tr.values.map((v) =>
      el(
        'tr',
        { testid: `value-history-${v.value}` },
        el('th', { attrs: { scope: 'row' } }, el('span', { class: 'value-name', text: v.name }), el('small', { class: 'value-sentence', text: v.sentence })),
        ...months.map((m) => {
          const c = v.months.find((x) => x.month === m);
          const parts = c ? [c.held && t('count-held', { n: c.held }), c.bent && t('count-bent', { n: c.bent }), c.not_tested && t('count-not-tested', { n: c.not_tested })].filter(Boolean) : [];
          return el('td', { text: parts.join(', ') || '–' });
        }),
      ),
    );
    return el('table', { class: 'value-table' }, el('thead', {}, head), el('tbody', {}, ...rows));
  }

  /**
   * @param {Trends} tr
   * @param {ReturnType<typeof palette>} c
   */
  mainChart(tr, c) {
    const W = 920;
    const H = 280;
    const pad = { l: 34, r: 12, t: 18, b: 30 };
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, xmlns: SVG, class: 'trend-svg', role: 'img', 'aria-label': t('trends-main-label', { range: rangeNames()[tr.range] }) });
    svg.append(svgEl('rect', { x: 0, y: 0, width: W, height: H, fill: c.sheet }));
    const first = tr.from ? dayNumber(tr.from) : tr.points.length ? dayNumber(tr.points[0].date) : dayNumber(tr.to);
    const last = dayNumber(tr.to);
    const span = Math.max(1, last - first);
    const x = (/** @type {string} */ d) => pad.l + ((dayNumber(d) - first) / span) * (W - pad.l - pad.r);
    const y = (/** @type {number} */ v) => pad.t + ((10 - v) / 9) * (H - pad.t - pad.b);
    for (const v of [1, 4, 7, 10]) {
      svg.append(svgEl('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), stroke: c.rule, 'stroke-width': 1 }));
      svg.append(svgEl('text', { x: pad.l - 8, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: c.soft }, String(v)));
    }
    const axisDates = tr.points.length ? [tr.from ?? tr.points[0].date, tr.to] : [tr.to];
    for (const d of axisDates) {
      svg.append(svgEl('text', { x: x(d), y: H - 8, 'text-anchor': d === tr.to ? 'end' : 'start', 'font-size': 11, fill: c.soft }, describe(d).long));
    }
    // The work cycle's events: a light band over their days, a diamond at the top with the note.
    for (const e of tr.events) {
      const from = e.start < (tr.from ?? e.start) ? /** @type {string} */ (tr.from) : e.start;
      const to = e.end > tr.to ? tr.to : e.end;
      const x0 = x(from);
      const x1 = Math.max(x0 + 2, x(to));
      svg.append(svgEl('rect', { x: x0.toFixed(1), y: pad.t, width: (x1 - x0).toFixed(1), height: H - pad.t - pad.b, fill: c.soft, 'fill-opacity': 0.12, class: 'event-band' }));
      const cx = (x0 + x1) / 2;
      const label = `${kindName(e.kind)}, ${eventDates(e)}${e.note ? `: ${e.note}` : ''}`;
      const mark = svgEl('path', { d: `M ${cx.toFixed(1)} ${pad.t - 6} l 6 6 l -6 6 l -6 -6 z`, fill: c.ink, 'fill-opacity': 0.75, class: 'event-marker', 'data-event': e.id, 'data-kind': e.kind, tabindex: 0, role: 'img', 'aria-label': label });
      mark.append(svgEl('title', {}, label));
      mark.addEventListener('click', () => this.deps.open(e.start));
      mark.addEventListener('keydown', (ev) => {
        if (/** @type {KeyboardEvent} */ (ev).key === 'Enter') this.deps.open(e.start);
      });
      svg.append(mark);
    }
    // Boundary-broken days, as marks along the bottom.
    for (const p of tr.points.filter((p) => p.boundary === 'broken')) {
      svg.append(svgEl('rect', { x: x(p.date) - 1.5, y: H - pad.b + 2, width: 3, height: 7, fill: c.warn, class: 'broken-mark', 'data-date': p.date }));
    }
    /**
     * @param {(p: TrendPoint) => number | null} pick
     * @param {string} color
     */
    const line = (pick, color) => {
      const pts = tr.points.filter((p) => pick(p) !== null).map((p) => `${x(p.date).toFixed(1)},${y(/** @type {number} */ (pick(p))).toFixed(1)}`);
      if (pts.length > 1) svg.append(svgEl('polyline', { points: pts.join(' '), fill: 'none', stroke: color, 'stroke-width': 2.2, 'stroke-linejoin': 'round' }));
    };
    line((p) => p.stress_mean, c.role);
    line((p) => p.resilience_mean, c.ok);
    const r = tr.points.length > 400 ? 1.6 : tr.points.length > 120 ? 2.4 : 3.4;
    for (const p of tr.points) {
      const title = t(p.boundary === 'broken' ? 'trends-point-broke' : 'trends-point', { day: `${describe(p.date).weekday} ${describe(p.date).long}`, stress: p.stress ?? '–', resilience: p.resilience ?? '–', 'stress-mean': fmt(p.stress_mean), 'resilience-mean': fmt(p.resilience_mean) });
      for (const [value, color, cls] of /** @type {[number | null, string, string][]} */ ([[p.stress, c.role, 'stress-point'], [p.resilience, c.ok, 'resilience-point']])) {
        if (value === null) continue;
        const dot = svgEl('circle', { cx: x(p.date).toFixed(1), cy: y(value).toFixed(1), r, fill: color, 'fill-opacity': 0.55, class: cls, 'data-date': p.date, tabindex: 0 });
        dot.append(svgEl('title', {}, title));
        dot.addEventListener('click', () => this.deps.open(p.date));
        dot.addEventListener('keydown', (e) => {
          if (/** @type {KeyboardEvent} */ (e).key === 'Enter') this.deps.open(p.date);
        });
        svg.append(dot);
      }
    }
    return svg;
  }

  /**
   * @param {Trends} tr
   * @param {ReturnType<typeof palette>} c
   */
  overlapChart(tr, c) {
    const W = 440;
    const H = 120;
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, xmlns: SVG, class: 'trend-svg', role: 'img', 'aria-label': t('trends-overlap-label') });
    const days = tr.points.filter((p) => p.overlap !== null);
    if (!days.length) {
      svg.append(svgEl('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', 'font-size': 12, fill: c.soft }, t('trends-overlap-none')));
      return svg;
    }
    const first = tr.from ? dayNumber(tr.from) : dayNumber(days[0].date);
    const span = Math.max(1, dayNumber(tr.to) - first);
    for (const p of days) {
      const v = /** @type {number} */ (p.overlap);
      const cx = 10 + ((dayNumber(p.date) - first) / span) * (W - 20);
      const cy = 10 + ((7 - v) / 6) * (H - 20);
      const dot = svgEl('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 2.6, fill: c.self, 'fill-opacity': 0.6, class: 'overlap-point', 'data-date': p.date });
      dot.append(svgEl('title', {}, t('trends-overlap-point', { day: describe(p.date).long, n: v })));
      dot.addEventListener('click', () => this.deps.open(p.date));
      svg.append(dot);
    }
    return svg;
  }

  /**
   * @param {Trends} tr
   * @param {ReturnType<typeof palette>} c
   */
  weekdayChart(tr, c) {
    const W = 440;
    const H = 140;
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, xmlns: SVG, class: 'trend-svg', role: 'img', 'aria-label': t('trends-weekday-label') });
    const bw = (W - 20) / 7;
    tr.weekdays.forEach((w, i) => {
      const mean = w.stress.mean;
      const h = mean === null ? 0 : (mean / 10) * (H - 40);
      const bx = 10 + i * bw + 6;
      if (mean !== null) {
        const bar = svgEl('rect', { x: bx, y: H - 24 - h, width: bw - 12, height: h, rx: 3, fill: w.review_day ? c.warn : c.role, 'fill-opacity': 0.7, class: 'weekday-bar' });
        bar.append(svgEl('title', {}, t(w.review_day ? 'trends-weekday-review' : 'trends-weekday-bar', { weekday: weekdayName(w.weekday), mean: fmt(mean), n: w.stress.n })));
        svg.append(bar);
        svg.append(svgEl('text', { x: bx + (bw - 12) / 2, y: H - 28 - h, 'text-anchor': 'middle', 'font-size': 10, fill: c.ink }, fmt(mean)));
      }
      svg.append(svgEl('text', { x: bx + (bw - 12) / 2, y: H - 8, 'text-anchor': 'middle', 'font-size': 11, fill: w.review_day ? c.warn : c.soft }, shortDay(w.weekday)));
    });
    return svg;
  }

  async saveChart() {
    const svg = this.chartBox.querySelector('svg');
    if (!svg) return;
    try {
      const path = await this.deps.save(new XMLSerializer().serializeToString(svg), `keel-trends-${this.range}`);
      if (path) this.caption.textContent = t('trends-saved', { path });
    } catch (e) {
      this.deps.failed(/** @type {{ message?: string }} */ (e).message ?? String(e));
    }
  }
}
