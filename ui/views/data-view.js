// @ts-check
/**
 * Your data (`#/data`): export the journal (Keel JSON, a Markdown folder, a CSV of check-ins)
 * to a place chosen in a native dialog, with progress; import from Keel, jrnl or Day One with
 * a preview of what will change before anything is written.
 */

import { choices, el, select } from '../dom.js';
import { t } from '../i18n.js';

/** @typedef {import('../bindings/ImportPlanDto').ImportPlanDto} ImportPlanDto */
/** @typedef {import('../bindings/ExportFormat').ExportFormat} ExportFormat */
/** @typedef {import('../bindings/ExportProgressDto').ExportProgressDto} ExportProgressDto */
/** @typedef {import('../bindings/ExportDoneDto').ExportDoneDto} ExportDoneDto */
/** @typedef {import('../api.js').ImportHow} ImportHow */
/**
 * @typedef {{
 *   exportJournal: (format: ExportFormat, onProgress: (p: ExportProgressDto) => void) => Promise<ExportDoneDto | null>,
 *   previewImport: (how: ImportHow, bytes: Uint8Array) => Promise<ImportPlanDto>,
 *   applyImport: (how: ImportHow, bytes: Uint8Array) => Promise<ImportPlanDto>,
 * }} DataApi
 */

/** @param {unknown} e */
const messageOf = (e) => /** @type {{ message?: string }} */ (e).message ?? String(e);

/**
 * @param {ImportPlanDto} plan
 * @returns {string}
 */
function describePlan(plan) {
  const counts = { new: plan.n_new, entries: plan.n_entries, days: plan.n_days };
  const parts = [
    plan.first_date && plan.last_date
      ? t(plan.applied ? 'import-done-span' : 'import-plan-span', { ...counts, first: plan.first_date, last: plan.last_date })
      : t(plan.applied ? 'import-done' : 'import-plan', counts),
  ];
  if (plan.n_duplicates) parts.push(t('import-duplicates', { n: plan.n_duplicates }));
  if (plan.conflicts.length) parts.push(t('import-conflicts', { n: plan.conflicts.length, dates: `${plan.conflicts.slice(0, 5).join(', ')}${plan.conflicts.length > 5 ? '…' : ''}` }));
  return parts.join(' ');
}

/** What each source is called, in the order offered. @returns {Record<import('../bindings/Source').Source, string>} */
const sources = () => ({ jrnl: t('source-jrnl'), dayone: t('source-dayone'), keel: t('source-keel') });
/** The columns imported entries can go to. @returns {Record<ImportHow['side'], string>} */
const importSides = () => ({ self: t('side-self'), role: t('side-role') });

export class DataView {
  /**
   * @param {HTMLElement} root
   * @param {DataApi} api
   */
  constructor(root, api) {
    // Export.
    const progress = el('progress', { testid: 'export-progress', attrs: { max: '1', value: '0' } });
    progress.hidden = true;
    const exportResult = el('p', { class: 'data-result', testid: 'export-result' });
    const exportButton = (/** @type {ExportFormat} */ format, /** @type {string} */ label) =>
      el('button', {
        class: 'choice',
        text: label,
        testid: `export-${format}`,
        attrs: { type: 'button' },
        on: {
          click: async () => {
            exportResult.textContent = '';
            progress.hidden = false;
            progress.removeAttribute('value');
            try {
              const done = await api.exportJournal(format, (p) => {
                progress.max = Math.max(1, p.total);
                progress.value = p.done;
              });
              exportResult.textContent = done
                ? t('export-done', { files: done.n_files, path: done.path })
                : t('export-cancelled');
            } catch (e) {
              exportResult.textContent = t('export-failed', { reason: messageOf(e) });
            } finally {
              progress.hidden = true;
            }
          },
        },
      });

    // Import.
    const source = select(t('import-from'), choices(sources()), 'jrnl', 'import-source');
    const side = select(t('import-side'), choices(importSides()), 'self', 'import-side');
    const skipBad = el('input', { testid: 'import-skip-bad', attrs: { type: 'checkbox' } });
    const file = el('input', { testid: 'import-file', attrs: { type: 'file', accept: '.json,.zip,application/json,application/zip', 'aria-label': t('import-file') } });
    const preview = el('div', { class: 'import-preview', testid: 'import-preview' });
    /** @type {Uint8Array | null} */
    let bytes = null;
    /** @returns {ImportHow} */
    const how = () => ({
      source: /** @type {ImportHow['source']} */ (source.value),
      side: /** @type {ImportHow['side']} */ (side.value),
      skipBad: skipBad.checked,
    });
    const showPreview = async () => {
      preview.replaceChildren();
      if (!bytes) return;
      try {
        const plan = await api.previewImport(how(), bytes);
        const go = el('button', {
          class: 'choice primary-choice',
          text: plan.n_new ? t('import-apply', { n: plan.n_new }) : t('import-nothing-new'),
          testid: 'import-apply',
          attrs: { type: 'button' },
          on: {
            click: async () => {
              if (!bytes) return;
              try {
                const done = await api.applyImport(how(), bytes);
                preview.replaceChildren(el('p', { class: 'data-result', testid: 'import-result', text: describePlan(done) }));
                if (done.first_date) {
                  preview.append(el('a', { text: t('import-open-first', { date: done.first_date }), testid: 'import-open-first', attrs: { href: `#/day/${done.first_date}` } }));
                }
                bytes = null;
                file.value = '';
              } catch (e) {
                preview.replaceChildren(el('p', { class: 'form-error', testid: 'import-error', text: messageOf(e) }));
              }
            },
          },
        });
        go.disabled = plan.n_new === 0;
        preview.append(el('p', { class: 'data-result', testid: 'import-summary', text: describePlan(plan) }));
        if (plan.skipped.length) {
          preview.append(el('ul', { class: 'skipped' }, ...plan.skipped.map((b) => el('li', { text: t('import-skipped', { entry: b.entry, field: b.field, reason: b.reason }) }))));
        }
        preview.append(go);
      } catch (e) {
        preview.append(el('p', { class: 'form-error', testid: 'import-error', text: messageOf(e) }));
      }
    };
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      bytes = chosen ? new Uint8Array(await chosen.arrayBuffer()) : null;
      await showPreview();
    });
    for (const control of [source, side, skipBad]) control.addEventListener('change', () => void showPreview());

    root.replaceChildren(
      el(
        'article',
        { class: 'settings-page', testid: 'data-page' },
        el('header', { class: 'page-head' }, el('h1', { text: t('nav-data') }), el('p', { class: 'page-hint', text: t('data-hint') })),
        el(
          'section',
          { class: 'card' },
          el('h2', { text: t('export-title') }),
          el('p', { class: 'page-hint', text: t('export-hint') }),
          el('p', { class: 'page-hint export-warning', testid: 'export-warning', text: t('export-warning') }),
          el('div', { class: 'prompt-form-row' }, exportButton('json', t('export-json')), exportButton('markdown', t('export-markdown')), exportButton('csv', t('export-csv'))),
          progress,
          exportResult,
        ),
        el(
          'section',
          { class: 'card' },
          el('h2', { text: t('import-title') }),
          el('p', { class: 'page-hint', text: t('import-hint') }),
          el(
            'div',
            { class: 'import-form' },
            el('label', {}, el('span', { text: `${t('import-from-label')} ` }), source),
            el('label', {}, el('span', { text: `${t('import-side-label')} ` }), side),
            el('label', {}, skipBad, el('span', { text: ` ${t('import-skip-bad')}` })),
            file,
          ),
          preview,
        ),
      ),
    );
  }
}
