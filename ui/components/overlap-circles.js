// @ts-check
/**
 * `<keel-overlap>`: role overlap drawn as two circles, "role" and "me", that overlap more as
 * the rating rises (1: they barely touch; 7: the role covers almost all of me). Drawing only.
 */

import { t } from '../i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const R = 30;

export class OverlapCircles extends HTMLElement {
  constructor() {
    super();
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('viewBox', '0 0 160 76');
    this.svg.setAttribute('role', 'img');
    this.roleCircle = circle('circle-role');
    this.meCircle = circle('circle-self');
    this.roleLabel = label(t('overlap-role'));
    this.meLabel = label(t('overlap-me'));
    this.svg.append(this.roleCircle, this.meCircle, this.roleLabel, this.meLabel);
    /** @type {number | null} */
    this.value = null;
  }

  connectedCallback() {
    if (!this.svg.isConnected) this.append(this.svg);
    this.draw(this.value);
  }

  /** @param {number | null} value 1–7, or null for "not rated" */
  draw(value) {
    this.value = value;
    const share = value === null ? 0 : (value - 1) / 6;
    // Centres from 2R apart (touching) to 0.2R apart (almost one circle).
    const distance = 2 * R * (1 - 0.9 * share);
    const roleX = 80 - distance / 2;
    const meX = 80 + distance / 2;
    // Each label sits in the outer part of its own circle, clear of the overlap.
    const labelOffset = R * 0.5;
    this.roleCircle.setAttribute('cx', String(roleX));
    this.meCircle.setAttribute('cx', String(meX));
    this.roleLabel.setAttribute('x', String(roleX - labelOffset));
    this.meLabel.setAttribute('x', String(meX + labelOffset));
    this.svg.classList.toggle('unrated', value === null);
    this.svg.setAttribute('aria-label', value === null ? t('overlap-unrated') : t('overlap-rated', { n: value }));
    this.dataset.value = value === null ? '' : String(value);
  }
}

/** @param {string} className */
function circle(className) {
  const c = document.createElementNS(SVG, 'circle');
  c.setAttribute('r', String(R));
  c.setAttribute('cy', '38');
  c.setAttribute('class', className);
  return c;
}

/** @param {string} text */
function label(text) {
  const node = document.createElementNS(SVG, 'text');
  node.setAttribute('y', '42');
  node.setAttribute('text-anchor', 'middle');
  node.setAttribute('class', 'circle-label');
  node.textContent = text;
  return node;
}

customElements.define('keel-overlap', OverlapCircles);
