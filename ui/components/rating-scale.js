// @ts-check
/**
 * `<keel-rating>`: one check-in scale as a row of choices with words at its ends and middle.
 * Radio inputs underneath, so it is keyboard- and screen-reader-friendly; choosing the current
 * value again clears it. Fires `change`; `value` is a number or null.
 */

import { t } from '../i18n.js';

/** @typedef {import('../bindings/Scale').Scale} Scale */

export class RatingScale extends HTMLElement {
  constructor() {
    super();
    /** @type {number | null} */
    this._value = null;
    /** @type {HTMLInputElement[]} */
    this.inputs = [];
  }

  /**
   * Builds the scale once.
   * @param {Scale} scale
   * @param {string} label
   * @param {[string, string, string]} ends the words at its low end, middle and high end
   */
  setup(scale, label, ends) {
    this.replaceChildren();
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'rating';
    const legend = document.createElement('legend');
    legend.textContent = label;
    fieldset.append(legend);
    const row = document.createElement('div');
    row.className = 'rating-row';
    row.style.setProperty('--steps', String(scale.max - scale.min + 1));
    this.inputs = [];
    for (let n = scale.min; n <= scale.max; n++) {
      const choice = document.createElement('label');
      choice.className = 'rating-choice';
      choice.dataset.testid = `${scale.field}-${n}`;
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = `rating-${scale.field}`;
      input.value = String(n);
      const end = n === scale.min ? ends[0] : n === scale.max ? ends[2] : null;
      input.setAttribute('aria-label', end ? t('rating-choice-end', { scale: label, n, max: scale.max, words: end }) : t('rating-choice', { scale: label, n, max: scale.max }));
      const face = document.createElement('span');
      face.textContent = String(n);
      choice.append(input, face);
      // A click on the chosen value clears it (radios cannot be unchecked otherwise).
      choice.addEventListener('click', (event) => {
        if (event.target !== input) return;
        if (this._value === n) {
          input.checked = false;
          this.set(null);
        } else {
          this.set(n);
        }
      });
      // The keyboard: arrow keys move the choice within the group (a change without a click).
      input.addEventListener('change', () => {
        if (input.checked && this._value !== n) this.set(n);
      });
      this.inputs.push(input);
      row.append(choice);
    }
    const words = document.createElement('div');
    words.className = 'rating-words';
    for (const text of ends) {
      const span = document.createElement('span');
      span.textContent = text;
      words.append(span);
    }
    fieldset.append(row, words);
    this.append(fieldset);
  }

  /** @returns {number | null} */
  get value() {
    return this._value;
  }

  /** @param {number | null} v */
  set value(v) {
    this._value = v;
    for (const input of this.inputs) input.checked = v !== null && Number(input.value) === v;
    this.dataset.value = v === null ? '' : String(v);
  }

  /** @param {number | null} v */
  set(v) {
    this.value = v;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

customElements.define('keel-rating', RatingScale);
