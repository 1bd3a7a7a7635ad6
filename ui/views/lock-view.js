// @ts-check
/**
 * The lock screen: an encrypted journal opens only with its passphrase. A wrong one is said
 * plainly and changes nothing; after wrong ones the shell makes the next try wait, and the
 * screen says how long. On success the page starts again, now with the journal open.
 */

/** @typedef {import('../bindings/ErrorDto').ErrorDto} ErrorDto */

import { t } from '../i18n.js';

/**
 * @param {HTMLElement} root
 * @param {{ unlock: (passphrase: string) => Promise<void>, asError: (e: unknown) => ErrorDto, opened: () => void }} deps
 */
export function showLockScreen(root, { unlock, asError, opened }) {
  root.replaceChildren();
  const box = document.createElement('section');
  box.className = 'lock';
  box.dataset.testid = 'lock-screen';
  const h1 = document.createElement('h1');
  h1.textContent = t('lock-title');
  const p = document.createElement('p');
  p.textContent = t('lock-hint');
  const form = document.createElement('form');
  form.className = 'lock-form';
  const label = document.createElement('label');
  label.textContent = t('passphrase');
  const input = document.createElement('input');
  input.type = 'password';
  input.autocomplete = 'current-password';
  input.dataset.testid = 'lock-passphrase';
  label.append(input);
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'choice primary-choice';
  button.dataset.testid = 'lock-unlock';
  button.textContent = t('lock-unlock');
  const error = document.createElement('p');
  error.className = 'lock-error';
  error.dataset.testid = 'lock-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  form.append(label, button);
  box.append(h1, p, form, error);
  root.append(box);
  input.focus();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!input.value) return;
    button.disabled = true;
    button.textContent = t('lock-unlocking');
    try {
      await unlock(input.value);
      input.value = '';
      opened();
    } catch (e) {
      const dto = asError(e);
      error.textContent = dto.message;
      error.dataset.kind = dto.kind;
      error.hidden = false;
      input.value = '';
      input.focus();
    } finally {
      button.disabled = false;
      button.textContent = t('lock-unlock');
    }
  });
}
