// @ts-check
/**
 * Calendar dates as `YYYY-MM-DD` strings, the form the core and the routes use. Arithmetic is
 * done in UTC so that a daylight-saving change never skips or repeats a day.
 */

import { locale } from './i18n.js';

/** @typedef {import('./bindings/WeekdayName').WeekdayName} WeekdayName */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * @param {string} text
 * @returns {boolean} whether `text` is a real calendar date in YYYY-MM-DD form
 */
export function isIsoDate(text) {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * @param {string} date YYYY-MM-DD
 * @returns {Date} midnight UTC of that date
 */
function toUtc(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * @param {string} date
 * @param {number} n
 * @returns {string} the date `n` days later (earlier when negative)
 */
export function addDays(date, n) {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * @param {string} date
 * @returns {{ weekday: string, long: string }} e.g. "Saturday", "28 November 2026"
 */
export function describe(date) {
  const d = toUtc(date);
  const weekday = new Intl.DateTimeFormat(locale(), { weekday: 'long', timeZone: 'UTC' }).format(d);
  const long = new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
  return { weekday, long };
}

/** @type {WeekdayName[]} */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * A weekday's name in the page's language ("Monday", "Mo.", "lunes").
 * @param {WeekdayName} day
 * @param {'long' | 'short'} [width]
 */
export function weekdayName(day, width = 'long') {
  // 2024-01-01 was a Monday.
  const d = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(locale(), { weekday: width, timeZone: 'UTC' }).format(d);
}

/**
 * The seven weekdays, Monday first, with their names: [value, label] pairs for a form.
 * @param {'long' | 'short'} [width]
 * @returns {[WeekdayName, string][]}
 */
export function weekdays(width = 'long') {
  return WEEKDAYS.map((day) => [day, weekdayName(day, width)]);
}

/**
 * A month's name with its year ("November 2026", "Nov 2026").
 * @param {string} month YYYY-MM
 * @param {'long' | 'short'} [width]
 * @param {boolean} [withYear]
 */
export function monthName(month, width = 'long', withYear = true) {
  const d = new Date(`${month}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(locale(), { month: width, ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(d);
}
