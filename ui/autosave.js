// @ts-check
/**
 * Saves a page without a save button: within a second of a pause in typing, and at once when
 * asked (blur, day change, window close). "Saved" is shown only when the core has answered,
 * and the core answers only after the write is durable. A failed save keeps everything in the
 * editor, says what failed, and retries with growing pauses until it succeeds.
 *
 * It owns the save state machine and nothing else: what a page is, and how it is drawn, belong
 * to the view.
 */

/** @typedef {import('./bindings/ErrorDto').ErrorDto} ErrorDto */
/** @typedef {'idle' | 'dirty' | 'saving' | 'saved' | 'error'} SaveState */
/** @typedef {(state: SaveState, detail: { error?: ErrorDto, retryInMs?: number, savedAt?: Date }) => void} StatusListener */

/** Pause after the last keystroke before saving. */
export const PAUSE_MS = 700;
const RETRY_MS = [1000, 2000, 4000, 8000, 15000, 30000];
/**
 * Errors that saving the same page again cannot fix: wait for the next change instead.
 * @type {Set<import('./bindings/ErrorKind').ErrorKind>}
 */
const NEEDS_A_CHANGE = new Set(['invalid_rating', 'invalid_minutes', 'invalid_date', 'entry_too_large']);

/**
 * Saves one page at a time, identified by a key (a date, a week).
 * @template T the page's content, as sent to the core
 */
export class Autosaver {
  /**
   * @param {{ save: (key: string, page: T) => Promise<unknown>, onStatus: StatusListener, pauseMs?: number }} options
   */
  constructor({ save, onStatus, pauseMs = PAUSE_MS }) {
    this.save = save;
    this.onStatus = onStatus;
    this.pauseMs = pauseMs;
    /** @type {string | null} */
    this.date = null;
    /** @type {() => T} */
    this.snapshot = () => {
      throw new Error('no page tracked');
    };
    /** Bumped on every change; the page is saved when `savedVersion` catches up. */
    this.version = 0;
    this.savedVersion = 0;
    this.failures = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** @type {Promise<boolean> | null} */
    this.inFlight = null;
  }

  /**
   * Starts tracking a freshly loaded page. Call only after `flush()` succeeded for the last one.
   * @param {string} date the page's key
   * @param {() => T} snapshot
   */
  track(date, snapshot) {
    clearTimeout(this.timer);
    this.date = date;
    this.snapshot = snapshot;
    this.version = 0;
    this.savedVersion = 0;
    this.failures = 0;
    this.onStatus('idle', {});
  }

  /** True when something typed has not been saved yet. */
  get pending() {
    return this.version !== this.savedVersion;
  }

  /** The page changed: save after a pause. */
  changed() {
    this.version += 1;
    if (this.failures === 0) this.onStatus('dirty', {});
    this.schedule(this.pauseMs);
  }

  /** @param {number} ms */
  schedule(ms) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
  }

  /**
   * Saves now if anything is pending and waits for it.
   * @returns {Promise<boolean>} true when everything typed is durable
   */
  async flush() {
    clearTimeout(this.timer);
    // One save at a time; after it, save again if typing went on meanwhile.
    while (this.inFlight) await this.inFlight;
    if (!this.pending) return true;
    return this.run();
  }

  /** @returns {Promise<boolean>} */
  async run() {
    if (this.inFlight) return this.inFlight;
    if (!this.pending || this.date === null) return true;
    const version = this.version;
    const date = this.date;
    const page = this.snapshot();
    this.onStatus('saving', {});
    this.inFlight = this.save(date, page).then(
      () => {
        if (this.date !== date) return true;
        this.savedVersion = Math.max(this.savedVersion, version);
        this.failures = 0;
        if (this.pending) {
          this.onStatus('dirty', {});
          this.schedule(this.pauseMs);
        } else {
          this.onStatus('saved', { savedAt: new Date() });
        }
        return !this.pending;
      },
      (/** @type {ErrorDto} */ error) => {
        if (this.date !== date) return false;
        this.failures += 1;
        if (NEEDS_A_CHANGE.has(error.kind)) {
          this.onStatus('error', { error });
        } else {
          const retryInMs = RETRY_MS[Math.min(this.failures - 1, RETRY_MS.length - 1)];
          this.onStatus('error', { error, retryInMs });
          this.schedule(retryInMs);
        }
        return false;
      },
    );
    try {
      return await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }
}

/**
 * The page's savers as one (the day's and the week's): flushed together before the page is
 * left, locked or closed, so no caller can forget one of them.
 */
export class SaveCoordinator {
  /** @param {Autosaver<any>[]} savers */
  constructor(savers) {
    this.savers = savers;
  }

  /**
   * Saves whatever is pending, saver by saver; resolves true only when all of it is durable
   * (it stops at the first that fails, which keeps its text and says why).
   * @returns {Promise<boolean>}
   */
  async flush() {
    for (const saver of this.savers) {
      if (!(await saver.flush())) return false;
    }
    return true;
  }

  /** Tries every saver again now (after a close that could not save). */
  retry() {
    for (const saver of this.savers) void saver.run();
  }
}
