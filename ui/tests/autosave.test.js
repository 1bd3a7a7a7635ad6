// @ts-check
/**
 * The autosaver's state machine under node's test runner (it touches no DOM): saves after a
 * pause, never reports "saved" before the save resolved, keeps retrying a failed save, and
 * waits for a changed value instead of retrying a refused one.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Autosaver, SaveCoordinator } from '../autosave.js';

/** @typedef {import('../bindings/PageDto').PageDto} PageDto */

/** @param {string} role @returns {PageDto} */
const page = (role) => ({ role, self: '', stress: null, resilience: null, overlap: null, boundary: null, after_hours_minutes: null });

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {(date: string, page: PageDto) => Promise<any>} save */
function harness(save) {
  /** @type {string[]} */
  const states = [];
  /** @type {Autosaver<PageDto>} */
  const saver = new Autosaver({ save, onStatus: (s) => states.push(s), pauseMs: 20 });
  let text = '';
  saver.track('2026-11-28', () => page(text));
  return {
    saver,
    states,
    /** @param {string} t */
    type(t) {
      text = t;
      saver.changed();
    },
  };
}

test('saves once after a pause and only then says saved', async () => {
  /** @type {PageDto[]} */
  const saved = [];
  /** @type {(v?: unknown) => void} */
  let release = () => {};
  const h = harness(async (_d, p) => {
    await new Promise((r) => (release = r));
    saved.push(p);
    return {};
  });
  h.type('a');
  h.type('ab');
  h.type('abc');
  await sleep(60);
  assert.deepEqual(h.states.slice(-1), ['saving']);
  assert.equal(saved.length, 0);
  release();
  await sleep(10);
  assert.deepEqual(saved.map((p) => p.role), ['abc']);
  assert.equal(h.states.at(-1), 'saved');
  assert.equal(h.saver.pending, false);
});

test('typing during a save saves again afterwards', async () => {
  /** @type {string[]} */
  const saved = [];
  const h = harness(async (_d, p) => {
    await sleep(30);
    saved.push(p.role);
    return {};
  });
  h.type('first');
  await sleep(30);
  h.type('first and more');
  assert.equal(await h.saver.flush(), true);
  assert.deepEqual(saved, ['first', 'first and more']);
  assert.equal(h.states.at(-1), 'saved');
});

test('a failing save keeps the page pending and retries until it succeeds', async () => {
  let attempts = 0;
  const h = harness(async () => {
    attempts += 1;
    if (attempts < 3) throw { kind: 'io', message: 'No space left on device.' };
    return {};
  });
  h.type('keep me');
  assert.equal(await h.saver.flush(), false);
  assert.equal(h.states.at(-1), 'error');
  assert.equal(h.saver.pending, true, 'the text is still unsaved, not dropped');
  h.saver.schedule(0); // the retry timer, without waiting a whole second
  await sleep(10);
  assert.equal(h.states.at(-1), 'error');
  assert.equal(await h.saver.flush(), true);
  assert.equal(attempts, 3);
  assert.equal(h.states.at(-1), 'saved');
});

test('a refused value is not retried until the page changes', async () => {
  let attempts = 0;
  const h = harness(async (_d, p) => {
    attempts += 1;
    if (p.role.length > 5) throw { kind: 'entry_too_large', message: 'too large' };
    return {};
  });
  h.type('far too long');
  await sleep(60);
  assert.equal(attempts, 1);
  await sleep(1200);
  assert.equal(attempts, 1, 'no automatic retry of a refused page');
  h.type('short');
  await sleep(60);
  assert.equal(attempts, 2);
  assert.equal(h.states.at(-1), 'saved');
});

test('flush with nothing pending resolves true without saving', async () => {
  let attempts = 0;
  const h = harness(async () => {
    attempts += 1;
    return {};
  });
  assert.equal(await h.saver.flush(), true);
  assert.equal(attempts, 0);
});

test('the coordinator flushes every saver and says whether all of it is saved', async () => {
  /** @type {string[]} */
  const saved = [];
  const day = harness(async (_d, p) => {
    saved.push(`day:${p.role}`);
    return {};
  });
  let weekFails = true;
  const week = harness(async (_d, p) => {
    if (weekFails) throw { kind: 'disk_full', message: 'The disk is full.' };
    saved.push(`week:${p.role}`);
    return {};
  });
  const both = new SaveCoordinator([day.saver, week.saver]);
  assert.equal(await both.flush(), true, 'nothing pending is all saved');
  day.type('monday');
  week.type('notes');
  assert.equal(await both.flush(), false, 'a saver that fails makes the whole flush fail');
  assert.deepEqual(saved, ['day:monday']);
  weekFails = false;
  assert.equal(await both.flush(), true);
  assert.deepEqual(saved, ['day:monday', 'week:notes']);
});
