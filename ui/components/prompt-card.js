// @ts-check
/**
 * `<keel-prompt>`: one guided prompt with "Another" and "Hide". It only draws and announces:
 * `another` and `hide` events carry the prompt; the view calls the core.
 */

import { button, el } from '../dom.js';
import { t } from '../i18n.js';

/** @typedef {import('../bindings/Prompt').Prompt} Prompt */

export class PromptCard extends HTMLElement {
  constructor() {
    super();
    /** @type {Prompt | null} */
    this.prompt = null;
  }

  /**
   * @param {Prompt | null} prompt
   * @param {string} side the column it belongs to, for test ids
   */
  show(prompt, side) {
    this.prompt = prompt;
    this.replaceChildren();
    this.hidden = prompt === null;
    if (!prompt) return;
    this.className = `prompt prompt-${side}`;
    this.dataset.id = prompt.id;
    this.append(
      ...(side === 'bridge' ? [el('span', { class: 'prompt-label', text: `${t('side-bridge')} ·` })] : []),
      el('p', { class: 'prompt-text', testid: `${side}-prompt`, text: prompt.text }),
      el(
        'div',
        { class: 'prompt-actions' },
        button(t('prompt-another'), () => this.announce('another'), {
          class: 'prompt-button',
          testid: `${side}-prompt-another`,
          title: t('prompt-another-title'),
        }),
        button(t('prompt-hide'), () => this.announce('hide'), {
          class: 'prompt-button',
          testid: `${side}-prompt-hide`,
          title: t('prompt-hide-title'),
        }),
      ),
    );
  }

  /** @param {'another' | 'hide'} type */
  announce(type) {
    if (this.prompt) this.dispatchEvent(new CustomEvent(type, { detail: this.prompt, bubbles: true }));
  }
}

customElements.define('keel-prompt', PromptCard);
