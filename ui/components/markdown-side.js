// @ts-check
/**
 * `<keel-side>`: one column of the day, a Markdown editor with a preview toggle. The preview's
 * HTML comes only from the core's sanitizing renderer (passed in as `render`); links in it never
 * navigate the window. Fires `input` as the text changes and `blur` when the editor loses focus.
 */

import { t } from '../i18n.js';

export class MarkdownSide extends HTMLElement {
  constructor() {
    super();
    /** @type {(text: string) => Promise<string>} */
    this.render = async () => '';
    this.previewing = false;
    /** Where the view puts this column's prompt. */
    this.promptSlot = document.createElement('div');
    this.promptSlot.className = 'prompt-slot';
  }

  /**
   * @param {{ side: 'role' | 'self', title: string, hint: string, placeholder: string, render: (text: string) => Promise<string> }} options
   */
  setup({ side, title, hint, placeholder, render }) {
    this.render = render;
    this.className = `side side-${side}`;
    this.replaceChildren();

    const head = document.createElement('div');
    head.className = 'side-head';
    const h2 = document.createElement('h2');
    h2.textContent = title;
    const small = document.createElement('p');
    small.className = 'side-hint';
    small.textContent = hint;
    const titles = document.createElement('div');
    titles.append(h2, small);
    this.toggle = document.createElement('button');
    this.toggle.type = 'button';
    this.toggle.className = 'toggle-preview';
    this.toggle.dataset.testid = `${side}-preview-toggle`;
    this.toggle.textContent = t('side-preview');
    this.toggle.setAttribute('aria-pressed', 'false');
    this.toggle.addEventListener('click', () => void this.setPreview(!this.previewing));
    head.append(titles, this.toggle);

    this.editor = document.createElement('textarea');
    this.editor.className = 'editor';
    this.editor.id = `${side}-editor`;
    this.editor.dataset.testid = `${side}-editor`;
    this.editor.placeholder = placeholder;
    this.editor.spellcheck = true;
    this.editor.setAttribute('aria-label', title);

    this.preview = document.createElement('div');
    this.preview.className = 'preview markdown';
    this.preview.dataset.testid = `${side}-preview`;
    this.preview.hidden = true;
    this.preview.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (link) event.preventDefault();
    });

    this.append(head, this.promptSlot, this.editor, this.preview);
  }

  /** @returns {string} */
  get text() {
    return this.editor ? this.editor.value : '';
  }

  /** @param {string} value */
  set text(value) {
    if (this.editor) this.editor.value = value;
    if (this.previewing) void this.setPreview(true);
  }

  /**
   * @param {boolean} on
   * @param {string} [html] the core's rendering to show instead of rendering the text afresh
   */
  async setPreview(on, html) {
    if (!this.editor || !this.preview || !this.toggle) return;
    this.previewing = on;
    this.toggle.textContent = on ? t('side-edit') : t('side-preview');
    this.toggle.setAttribute('aria-pressed', String(on));
    if (on) {
      try {
        // Sanitized by the core (pulldown-cmark, then ammonia): the only HTML ever inserted.
        this.preview.innerHTML = html ?? (await this.render(this.editor.value));
      } catch (error) {
        this.preview.textContent = t('side-preview-failed', { reason: String(/** @type {any} */ (error).message ?? error) });
      }
      for (const a of this.preview.querySelectorAll('a[href]')) {
        a.setAttribute('title', t('side-link-title', { href: a.getAttribute('href') ?? '' }));
      }
      if (!this.preview.textContent?.trim()) {
        const empty = document.createElement('p');
        empty.className = 'empty';
        empty.textContent = t('side-empty');
        this.preview.replaceChildren(empty);
      }
    }
    this.editor.hidden = on;
    this.preview.hidden = !on;
    if (!on) this.editor.focus();
  }
}

/**
 * Shows the preview with the words a search found marked, as the core marks them (its own
 * words and folding, so the page marks exactly what the index matched); returns whether
 * anything was marked. The HTML is the core's sanitized rendering, like every preview.
 * @param {MarkdownSide} side
 * @param {string[]} terms folded words
 * @param {(text: string, terms: string[]) => Promise<import('../bindings/Marked').Marked>} renderMarked
 */
export async function highlight(side, terms, renderMarked) {
  const marked = await renderMarked(side.text, terms);
  if (marked.marks === 0) return false;
  await side.setPreview(true, marked.html);
  side.preview?.querySelector('mark.hit')?.scrollIntoView({ block: 'center' });
  return true;
}

customElements.define('keel-side', MarkdownSide);
