// @ts-check
/**
 * Settings → Sync: the journal on every computer the person owns, through a folder they
 * already sync. Not attached: choose the folder, this computer's name and the folder's
 * passphrase. Attached: the folder, the computers seen and when each last wrote, the last
 * exchange, what waits to go, the days with two versions waiting, Sync now and Detach. The
 * core does all of it; this only draws what it answers.
 */

import { el } from '../dom.js';
import { locale, t } from '../i18n.js';

/** @typedef {import('../bindings/SyncDto').SyncDto} SyncDto */
/** @typedef {import('../bindings/Status').Status} Status */

/**
 * @typedef {{
 *   encrypted: boolean,
 *   get: () => Promise<SyncDto>,
 *   attach: (folder: string, name: string, passphrase: string) => Promise<import('../bindings/Attached').Attached>,
 *   now: () => Promise<import('../bindings/Exchange').Exchange>,
 *   detach: () => Promise<string | null>,
 *   failed: (message: string) => void,
 * }} SyncActions
 */

/** @param {string | null} iso */
const when = (iso) => (iso ? new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' }) : t('page-sync-never'));

/** @param {unknown} e */
const messageOf = (e) => /** @type {{ message?: string }} */ (e).message ?? String(e);

/**
 * @param {string} label
 * @param {string} testid
 * @param {Record<string, string>} attrs
 */
function input(label, testid, attrs) {
  const box = el('input', { testid, attrs: { 'aria-label': label, ...attrs } });
  return { box, row: el('label', { class: 'secret' }, el('span', { text: label }), box) };
}

/**
 * The Sync card; it fills itself from the core and draws itself again after each action.
 * @param {SyncActions} sync
 * @returns {HTMLElement}
 */
export function syncSection(sync) {
  const card = el('section', { class: 'card sync-card', testid: 'sync', attrs: { 'aria-labelledby': 'sync-title' } });
  const outcome = el('p', { class: 'setting-note', testid: 'sync-outcome', attrs: { role: 'status' } });

  /** @param {() => Promise<string>} action @param {HTMLButtonElement} button @param {string} busy */
  const run = async (action, button, busy) => {
    const text = button.textContent;
    button.disabled = true;
    button.textContent = busy;
    try {
      const said = await action();
      await draw();
      outcome.textContent = said;
    } catch (e) {
      sync.failed(messageOf(e));
    } finally {
      button.disabled = false;
      button.textContent = text;
    }
  };

  /** @param {SyncDto} dto */
  const unattached = (dto) => {
    if (!sync.encrypted) return [el('p', { class: 'page-hint', testid: 'sync-needs-passphrase', text: t('sync-needs-passphrase') })];
    const folder = input(t('sync-folder'), 'sync-folder', { type: 'text', spellcheck: 'false', placeholder: t('sync-folder-placeholder') });
    const name = input(t('sync-name'), 'sync-name', { type: 'text', maxlength: '64' });
    name.box.value = dto.host_name;
    const passphrase = input(t('sync-passphrase'), 'sync-passphrase', { type: 'password', autocomplete: 'current-password' });
    const attach = /** @type {HTMLButtonElement} */ (
      el('button', { class: 'choice primary-choice', testid: 'sync-attach', text: t('sync-attach'), attrs: { type: 'button' } })
    );
    attach.addEventListener('click', () => {
      if (!folder.box.value.trim()) return sync.failed(t('sync-folder-first'));
      if (!passphrase.box.value) return sync.failed(t('sync-passphrase-first'));
      void run(
        async () => {
          const done = await sync.attach(folder.box.value.trim(), name.box.value, passphrase.box.value);
          passphrase.box.value = '';
          return t(done.started ? 'page-sync-started' : 'page-sync-joined', { came: done.exchange.came_in, went: done.exchange.went_out });
        },
        attach,
        t('sync-attaching'),
      );
    });
    return [el('p', { class: 'page-hint', text: t('sync-hint') }), folder.row, el('small', { class: 'setting-note', text: t('sync-folder-hint') }), name.row, passphrase.row, attach];
  };

  /** @param {Status} status @param {SyncDto} dto */
  const attached = (status, dto) => {
    const devices = el(
      'ul',
      { class: 'sync-devices', testid: 'sync-devices' },
      ...status.devices.map((d) =>
        el('li', { testid: 'sync-device' }, el('strong', { text: d.this ? t('sync-this-computer', { name: d.name }) : d.name }), ' · ', t('sync-last-wrote', { when: when(d.last_wrote) })),
      ),
    );
    const pages = [...status.conflicts.map((d) => ({ href: `#/day/${d}`, text: d })), ...status.conflict_weeks.map((w) => ({ href: `#/week/${w}`, text: w }))];
    const conflicts = pages.length
      ? el(
          'p',
          { testid: 'sync-conflicts' },
          t('sync-conflicts', { n: pages.length }),
          ' ',
          ...pages.flatMap((p, i) => [i ? ', ' : '', el('a', { attrs: { href: p.href }, text: p.text })]),
        )
      : el('p', { testid: 'sync-conflicts', text: t('sync-no-conflicts') });
    const now = /** @type {HTMLButtonElement} */ (el('button', { class: 'choice primary-choice', testid: 'sync-now', text: t('sync-now'), attrs: { type: 'button' } }));
    now.addEventListener('click', () =>
      void run(
        async () => {
          const done = await sync.now();
          return t('page-sync-exchanged', { came: done.came_in, went: done.went_out });
        },
        now,
        t('sync-exchanging'),
      ),
    );
    const detach = /** @type {HTMLButtonElement} */ (el('button', { class: 'choice', testid: 'sync-detach', text: t('sync-detach'), attrs: { type: 'button' } }));
    detach.addEventListener('click', () => {
      if (!window.confirm(t('sync-detach-confirm'))) return;
      void run(async () => ((await sync.detach()), t('page-sync-detached')), detach, t('sync-detaching'));
    });
    return [
      el('p', {}, t('sync-folder-is'), ' ', el('code', { testid: 'sync-folder-shown', text: status.folder })),
      el('p', { testid: 'sync-last-exchange', text: t('sync-last-exchange', { when: when(status.last_exchange) }) }),
      el('p', { testid: 'sync-waiting', text: t('sync-waiting', { n: status.waiting_to_go }) }),
      dto.last_error ? el('p', { class: 'setting-note', testid: 'sync-error', attrs: { role: 'alert' }, text: t('sync-failed', { why: dto.last_error.message }) }) : null,
      el('h3', { text: t('sync-devices') }),
      devices,
      conflicts,
      el('div', { class: 'privacy-actions' }, now, detach),
    ];
  };

  const draw = async () => {
    let dto;
    try {
      dto = await sync.get();
    } catch (e) {
      card.replaceChildren(el('h2', { text: t('sync-title'), attrs: { id: 'sync-title' } }), el('p', { text: messageOf(e) }));
      return;
    }
    card.replaceChildren(
      el('h2', { text: t('sync-title'), attrs: { id: 'sync-title' } }),
      ...(dto.status ? attached(dto.status, dto) : unattached(dto)).filter((n) => n !== null),
      outcome,
    );
  };
  card.append(el('h2', { text: t('sync-title'), attrs: { id: 'sync-title' } }));
  void draw();
  return card;
}
