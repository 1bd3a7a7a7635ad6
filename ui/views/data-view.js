// @ts-check
/**
 * Your data (`#/data`): export the journal (Keel JSON, a Markdown folder, a CSV of check-ins)
 * to a place chosen in a native dialog, with progress; import from Keel, jrnl or Day One with
 * a preview of what will change before anything is written.
 */

import { choices, el, select } from '../dom.js';

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
  const span = plan.first_date && plan.last_date ? `, ${plan.first_date} to ${plan.last_date}` : '';
  const verb = plan.applied ? 'Imported' : 'Will import';
  let text = `${verb} ${plan.n_new} of ${plan.n_entries} entries into ${plan.n_days} days${span}.`;
  if (plan.n_duplicates) text += ` ${plan.n_duplicates} were imported before and are left alone.`;
  if (plan.conflicts.length) text += ` ${plan.conflicts.length} days already have writing: ${plan.conflicts.slice(0, 5).join(', ')}${plan.conflicts.length > 5 ? '…' : ''}.`;
  return text;
}

/** What each source is called, in the order offered. @type {Record<import('../bindings/Source').Source, string>} */
const SOURCES = { jrnl: 'jrnl (JSON export)', dayone: 'Day One (JSON or zip)', keel: 'Keel JSON' };
/** The columns imported entries can go to. @type {Record<ImportHow['side'], string>} */
const IMPORT_SIDES = { self: 'Who I am', role: 'What I do' };

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
                ? `Exported ${done.n_files === 1 ? 'the journal' : `${done.n_files} files`} to ${done.path}. The export is not encrypted: keep it somewhere safe.`
                : 'Export cancelled.';
            } catch (e) {
              exportResult.textContent = `Not exported: ${messageOf(e)}`;
            } finally {
              progress.hidden = true;
            }
          },
        },
      });

    // Import.
    const source = select('Import from', choices(SOURCES), 'jrnl', 'import-source');
    const side = select('Put entries in', choices(IMPORT_SIDES), 'self', 'import-side');
    const skipBad = el('input', { testid: 'import-skip-bad', attrs: { type: 'checkbox' } });
    const file = el('input', { testid: 'import-file', attrs: { type: 'file', accept: '.json,.zip,application/json,application/zip' } });
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
          text: plan.n_new ? `Import ${plan.n_new} entries` : 'Nothing new to import',
          testid: 'import-apply',
          attrs: { type: 'button' },
          on: {
            click: async () => {
              if (!bytes) return;
              try {
                const done = await api.applyImport(how(), bytes);
                preview.replaceChildren(el('p', { class: 'data-result', testid: 'import-result', text: describePlan(done) }));
                if (done.first_date) {
                  preview.append(el('a', { text: `Open ${done.first_date}`, testid: 'import-open-first', attrs: { href: `#/day/${done.first_date}` } }));
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
          preview.append(el('ul', { class: 'skipped' }, ...plan.skipped.map((b) => el('li', { text: `Entry ${b.entry}, ${b.field}: ${b.reason}` }))));
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
        el('header', { class: 'page-head' }, el('h1', { text: 'Your data' }), el('p', { class: 'page-hint', text: 'Everything stays on this computer until you export it.' })),
        el(
          'section',
          { class: 'card' },
          el('h2', { text: 'Export' }),
          el('p', { class: 'page-hint', text: 'Keel JSON holds everything and imports back without loss; Markdown is one readable file per day; CSV holds the check-ins for a spreadsheet.' }),
          el('p', { class: 'page-hint export-warning', testid: 'export-warning', text: 'Exports are written unencrypted, even when the journal has a passphrase: they are for leaving Keel or for other tools. Backups stay encrypted.' }),
          el('div', { class: 'prompt-form-row' }, exportButton('json', 'Keel JSON…'), exportButton('markdown', 'Markdown folder…'), exportButton('csv', 'CSV of check-ins…')),
          progress,
          exportResult,
        ),
        el(
          'section',
          { class: 'card' },
          el('h2', { text: 'Import' }),
          el('p', { class: 'page-hint', text: 'Nothing is written until you confirm. Importing the same file twice adds nothing the second time.' }),
          el(
            'div',
            { class: 'import-form' },
            el('label', {}, el('span', { text: 'From ' }), source),
            el('label', {}, el('span', { text: 'Entries go to ' }), side),
            el('label', {}, skipBad, el('span', { text: ' Skip entries that cannot be read' })),
            file,
          ),
          preview,
        ),
      ),
    );
  }
}
