// @ts-check
/**
 * The page names every module it loads in `<link rel="modulepreload">`, so that the webview
 * fetches them all at once when it reads index.html, instead of finding them one level of
 * imports at a time (main.js, then the views, then i18n.js, then Fluent's files: ten round
 * trips through the app's protocol before the first command). The list must be the whole
 * import graph of main.js, and nothing else: a module missing from it is fetched late again,
 * one left over is fetched for nothing. The imports are read by TypeScript's own scanner.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

const ui = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every module main.js reaches through static imports, as paths relative to ui/. */
function importGraph() {
  const seen = new Set();
  const todo = ['main.js'];
  while (todo.length > 0) {
    const file = /** @type {string} */ (todo.pop());
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(ui, file), 'utf8');
    for (const imported of ts.preProcessFile(source, true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      todo.push(relative(ui, normalize(join(ui, dirname(file), imported.fileName))));
    }
  }
  seen.delete('main.js');
  return seen;
}

/** The hrefs of index.html's module preloads. */
function preloads() {
  const html = readFileSync(join(ui, 'index.html'), 'utf8');
  return [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
}

test('index.html preloads exactly the modules main.js imports', () => {
  const graph = importGraph();
  assert.ok(graph.size > 20, `the graph was read (${graph.size} modules)`);
  const listed = preloads();
  assert.equal(new Set(listed).size, listed.length, 'no module is listed twice');
  assert.deepEqual(
    [...listed].sort(),
    [...graph].sort(),
    'index.html <link rel="modulepreload"> list against the import graph of main.js',
  );
});

test('the preloads come before the module that needs them', () => {
  const html = readFileSync(join(ui, 'index.html'), 'utf8');
  const main = html.indexOf('<script type="module" src="main.js">');
  assert.ok(main > 0, 'index.html loads main.js as a module');
  assert.ok(html.indexOf('rel="modulepreload"') > 0, 'index.html has preloads');
  assert.ok(html.lastIndexOf('rel="modulepreload"') < main, 'every preload is above main.js');
});
