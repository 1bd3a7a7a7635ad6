// @ts-check
/**
 * The page's words, in the person's language (issue 19). The catalogue is Fluent (FTL) text the
 * core hands over (`get_catalogue`: the same `assets/locales/<lang>/*.ftl` the core and the CLI
 * format with fluent-bundle); `@fluent/bundle` formats it here, with the language's plural rules
 * and Intl's numbers. Every word a view shows goes through `t`, at the moment it is drawn, so a
 * change of language is a redraw, never a restart. Dates and numbers use `locale()`, the
 * system's regional form when it speaks the same language ("en-GB" dates for English in
 * Britain), else the language's own.
 */

import { FluentBundle, FluentResource } from './vendor/fluent-bundle/index.js';

/** @typedef {import('./bindings/CatalogueDto').CatalogueDto} CatalogueDto */

/** @type {FluentBundle | null} */
let bundle = null;
let language = 'en';
let regional = 'en';

/**
 * Speaks `catalogue` from now on: the page's `lang`, its static words, and every `t` after this.
 * @param {CatalogueDto} catalogue
 */
export function useCatalogue(catalogue) {
  // No isolation marks around placeables: all of Keel's languages run left to right, and the
  // marks would end up in copied text and in the tests' comparisons.
  const next = new FluentBundle(catalogue.lang, { useIsolating: false });
  const errors = next.addResource(new FluentResource(catalogue.source));
  if (errors.length) console.error('catalogue', errors);
  bundle = next;
  language = catalogue.lang;
  regional = catalogue.locale;
  document.documentElement.lang = catalogue.lang;
  translateStatic(document);
}

/** @returns {string} the language spoken, "en", "de" or "es" */
export const lang = () => language;

/** @returns {string} the BCP 47 locale for Intl's dates and numbers */
export const locale = () => regional;

/**
 * A message, formatted; its id when the catalogue lacks it (the checks make sure it never does).
 * @param {string} id
 * @param {Record<string, string | number>} [args]
 * @returns {string}
 */
export function t(id, args) {
  const message = bundle?.getMessage(id);
  if (!bundle || !message?.value) return id;
  return bundle.formatPattern(message.value, args);
}

/**
 * The words of the page's own HTML: `data-l10n-id` sets the text, `data-l10n-title` the title
 * and `data-l10n-label` the accessible name.
 * @param {ParentNode} root
 */
export function translateStatic(root) {
  for (const node of root.querySelectorAll('[data-l10n-id]')) {
    node.textContent = t(/** @type {string} */ (/** @type {HTMLElement} */ (node).dataset.l10nId));
  }
  for (const node of root.querySelectorAll('[data-l10n-title]')) {
    node.setAttribute('title', t(/** @type {string} */ (/** @type {HTMLElement} */ (node).dataset.l10nTitle)));
  }
  for (const node of root.querySelectorAll('[data-l10n-label]')) {
    node.setAttribute('aria-label', t(/** @type {string} */ (/** @type {HTMLElement} */ (node).dataset.l10nLabel)));
  }
}

/**
 * A number in the language's form, with `digits` after the decimal sign.
 * @param {number} n
 * @param {number} [digits]
 */
export function num(n, digits = 0) {
  return new Intl.NumberFormat(regional, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}
