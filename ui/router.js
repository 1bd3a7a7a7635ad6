// @ts-check
/**
 * Routes are URL hashes: `#/` is today, `#/day/YYYY-MM-DD` a day, `#/week/YYYY-Www` a week,
 * `#/prompts` the prompt library, `#/settings` the settings, `#/data` export and import,
 * `#/trends` the charts, `#/welcome` the first-run welcome, `#/library?q=…` search, tags and the calendar. `#/day/DATE?h=a,b`
 * opens a day with those words highlighted. The router only parses and
 * announces; views decide what to draw.
 */

import { isIsoDate } from './dates.js';

/** @typedef {{ name: 'day', date: string | null, highlight?: string[] } | { name: 'library', query: string } | { name: 'week', week: string | null } | { name: 'prompts' } | { name: 'settings' } | { name: 'data' } | { name: 'trends' } | { name: 'welcome' } | { name: 'unknown', hash: string }} Route */

/**
 * @param {string} hash
 * @returns {Route}
 */
export function parseRoute(hash) {
  const [rawPath, rawQuery = ''] = hash.replace(/^#/, '').split('?');
  const path = rawPath || '/';
  const params = new URLSearchParams(rawQuery);
  if (path === '/library') return { name: 'library', query: params.get('q') ?? '' };
  if (path === '/' || path === '/today') return { name: 'day', date: null };
  if (path === '/prompts') return { name: 'prompts' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/data') return { name: 'data' };
  if (path === '/trends') return { name: 'trends' };
  if (path === '/welcome') return { name: 'welcome' };
  if (path === '/week') return { name: 'week', week: null };
  const week = /^\/week\/(\d{4}-W\d{2})$/.exec(path);
  if (week) return { name: 'week', week: week[1] };
  const day = /^\/day\/([^/?]+)$/.exec(path);
  if (day && isIsoDate(day[1])) {
    const h = params.get('h');
    return { name: 'day', date: day[1], highlight: h ? h.split(',').filter(Boolean) : undefined };
  }
  return { name: 'unknown', hash };
}

/** @param {string} date */
export function dayHash(date) {
  return `#/day/${date}`;
}
