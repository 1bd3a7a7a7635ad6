// @ts-check
/**
 * Start-up and wiring: loads the app info, draws the page the route names from one table of
 * pages (title, mount), connects the savers (one coordinator over the day's and the week's) to
 * the status line, the keyboard shortcuts, the lock and the window's close request. Navigation
 * always saves the page being left first; if that save fails the page stays. Today comes from
 * the app's clock, never the page's.
 */

import * as api from './api.js';
import { Autosaver, SaveCoordinator } from './autosave.js';
import { addDays } from './dates.js';
import { dayHash, parseRoute } from './router.js';
import { locale, t, useCatalogue } from './i18n.js';
import { DayView } from './views/day-view.js';
import { PromptsView } from './views/prompts-view.js';
import { DataView } from './views/data-view.js';
import { showLockScreen } from './views/lock-view.js';
import { LibraryView } from './views/library-view.js';
import { SettingsView, applyTheme } from './views/settings-view.js';
import { TrendsView } from './views/trends-view.js';
import { WeekView } from './views/week-view.js';
import { WelcomeView } from './views/welcome-view.js';

/** @typedef {import('./autosave.js').SaveState} SaveState */
/** @typedef {import('./bindings/ErrorDto').ErrorDto} ErrorDto */

const statusLine = /** @type {HTMLElement} */ (document.getElementById('save-status'));
const root = /** @type {HTMLElement} */ (document.getElementById('view'));
const notice = /** @type {HTMLElement} */ (document.getElementById('notice'));

/**
 * A passing message that is not about saving (a prompt that could not be changed, say).
 * @param {string} message
 */
function showNotice(message) {
  notice.textContent = message;
  notice.hidden = false;
  clearTimeout(Number(notice.dataset.timer));
  notice.dataset.timer = String(setTimeout(() => (notice.hidden = true), 8000));
}

/** True once a close was requested and the last save failed: the next close discards. */
let closeWillDiscard = false;

/**
 * @param {SaveState} state
 * @param {{ error?: ErrorDto, retryInMs?: number, savedAt?: Date }} detail
 */
function showStatus(state, detail) {
  statusLine.dataset.state = state;
  statusLine.title = '';
  switch (state) {
    case 'idle':
      statusLine.textContent = '';
      break;
    case 'dirty':
      statusLine.textContent = t('status-editing');
      break;
    case 'saving':
      statusLine.textContent = t('status-saving');
      break;
    case 'saved': {
      const at = detail.savedAt ?? new Date();
      statusLine.textContent = t('status-saved');
      statusLine.title = t('status-saved-at', { time: at.toLocaleTimeString(locale()) });
      break;
    }
    case 'error': {
      const parts = [t('status-not-saved', { reason: detail.error?.message ?? t('status-unknown-error') })];
      if (detail.retryInMs) parts.push(t('status-retry', { seconds: Math.round(detail.retryInMs / 1000) }));
      parts.push(t('status-text-kept'));
      if (closeWillDiscard) parts.push(t('status-close-discards'));
      statusLine.textContent = parts.join(' ');
      statusLine.dataset.kind = detail.error?.kind ?? '';
      break;
    }
  }
}

/** @param {ErrorDto} error */
function showFatal(error) {
  root.replaceChildren();
  const box = document.createElement('section');
  box.className = 'fatal';
  box.dataset.testid = 'fatal';
  box.dataset.kind = error.kind;
  const h1 = document.createElement('h1');
  h1.textContent = t('fatal-title');
  const p = document.createElement('p');
  p.textContent = error.message;
  box.append(h1, p);
  root.append(box);
  // Offer the newest backup; nothing is changed unless the person asks.
  void api
    .listBackups()
    .then((backups) => {
      const newest = backups[0];
      if (!newest) return;
      const offer = document.createElement('p');
      offer.textContent = t('fatal-backup-offer', { taken: newest.taken_at });
      const restore = document.createElement('button');
      restore.type = 'button';
      restore.className = 'choice primary-choice';
      restore.dataset.testid = 'restore-newest';
      restore.textContent = t('fatal-restore', { taken: newest.taken_at });
      restore.addEventListener('click', () => void api.restoreBackup(newest.name).catch((e) => showNotice(api.asErrorDto(e).message)));
      box.append(offer, restore);
    })
    .catch(() => {});
}

/**
 * What the page shows now and how it got there. `saver`: the day's and the week's autosavers
 * as one; `day`/`week`: the view of the page being edited, if it is a day or a week.
 * @typedef {{ day: DayView | null, week: WeekView | null }} Editing
 */

/**
 * A page of the app, by route name: its title and how to draw it. `mount` draws into the view
 * (the previous page is already saved and gone) and returns what the page now edits.
 * @typedef {{ title: (route: import('./router.js').Route) => string, mount: (route: import('./router.js').Route) => Promise<Editing | void> }} Page
 */

/**
 * A day as the page sends it.
 * @param {import('./bindings/DayDto').DayDto} day
 * @returns {import('./bindings/PageDto').PageDto}
 */
function pageOf(day) {
  const { role, self, stress, resilience, overlap, boundary, after_hours_minutes } = day;
  return { role, self, stress, resilience, overlap, boundary, after_hours_minutes };
}

/**
 * @param {import('./bindings/PageDto').PageDto} a
 * @param {import('./bindings/PageDto').PageDto} b
 */
function samePage(a, b) {
  return (
    a.role === b.role &&
    a.self === b.self &&
    a.stress === b.stress &&
    a.resilience === b.resilience &&
    a.overlap === b.overlap &&
    a.boundary === b.boundary &&
    a.after_hours_minutes === b.after_hours_minutes
  );
}

async function start() {
  /** What is being edited now (the router keeps it current). @type {Editing} */
  let editing = { day: null, week: null };
  /** What the page shows now: a date, a week (YYYY-Www), 'prompts', 'library?q=…'. */
  let showing = '';
  /**
   * The week's page as the store held it when the editor last matched it (see `dayBase`).
   * @type {{ week: string, content: import('./bindings/WeekContent').WeekContent } | null}
   */
  let weekBase = null;
  /** @type {Autosaver<import('./bindings/WeekContent').WeekContent>} */
  const weekSaver = new Autosaver({
    save: async (week, content) => {
      const base = weekBase && weekBase.week === week ? weekBase.content : null;
      const merged = await api.saveWeek(week, content, base);
      weekBase = { week, content };
      const view = editing.week && editing.week.week === week ? editing.week : null;
      // Merged with a page saved meanwhile: draw the merge, unless typing went on (then the
      // next save merges again, from what this one sent).
      if (merged && view && JSON.stringify(view.content()) === JSON.stringify(content)) {
        weekBase = { week, content: merged };
        redraw();
      }
      return merged;
    },
    onStatus: showStatus,
  });
  /**
   * The day's page as the store held it when the editor last matched it (loaded, saved, or
   * redrawn after sync): each save sends it, so the core can merge what was saved meanwhile.
   * @type {{ date: string, page: import('./bindings/PageDto').PageDto } | null}
   */
  let dayBase = null;
  const daySaver = new Autosaver({
    save: async (date, page) => {
      const base = dayBase && dayBase.date === date ? dayBase.page : null;
      const day = await api.saveDay(date, page, base);
      const view = editing.day && editing.day.date === date ? editing.day : null;
      dayBase = { date, page };
      if (view) {
        // The core derives the tags; show them as saved.
        view.showTags(day.tags);
        // Merged with a page saved meanwhile: show the merge, unless typing went on (then the
        // next save merges again, from what this one sent).
        const stored = pageOf(day);
        if (!samePage(stored, page) && samePage(view.page(), page)) {
          view.showContent(day);
          dayBase = { date, page: stored };
        }
      }
      return day;
    },
    onStatus: showStatus,
  });
  const savers = new SaveCoordinator([daySaver, weekSaver]);
  // Listen for the close request first, so that even an error page can be closed at once. The
  // listener, the words and the app info are asked for together (three round trips at once).
  const listening = api
    .onCloseRequested(async () => {
      if (await savers.flush()) {
        await api.closeWindow();
      } else {
        closeWillDiscard = true;
        savers.retry();
      }
    })
    .catch(() => {
      // Without the listener the shell closes on a second request; nothing else depends on it.
    });

  /** @type {import('./bindings/AppInfoDto').AppInfoDto} */
  let info;
  try {
    const [catalogue, appInfo] = await Promise.all([api.getCatalogue(), api.getAppInfo(), listening]);
    // The words first: everything drawn after this speaks the person's language.
    useCatalogue(catalogue);
    info = appInfo;
  } catch (error) {
    showFatal(api.asErrorDto(error));
    return;
  }
  if (info.journal_error?.kind === 'locked') {
    document.body.dataset.locked = 'true';
    showLockScreen(root, { unlock: api.unlock, asError: api.asErrorDto, opened: () => location.reload() });
    document.body.dataset.ready = 'true';
    return;
  }
  if (info.journal_error) {
    showFatal(info.journal_error);
    return;
  }
  /** Today, from the app's clock: its answer at start, asked again whenever a page needs it. */
  let today = info.today;
  const refreshToday = async () => {
    today = await api.getToday();
    return today;
  };
  /** Flushes what is typed, then locks: the page starts again at the lock screen. */
  const lockNow = async () => {
    if (!(await savers.flush())) {
      showNotice(t('lock-not-saved'));
      return;
    }
    if (await api.lock()) location.reload();
  };
  const lockButton = /** @type {HTMLButtonElement} */ (document.getElementById('lock-now'));
  if (info.encrypted) {
    lockButton.hidden = false;
    lockButton.addEventListener('click', () => void lockNow());
    // Auto-lock: after the minutes the settings name without a key, click or scroll.
    let lastUse = Date.now();
    const used = () => (lastUse = Date.now());
    for (const kind of ['keydown', 'pointerdown', 'pointermove', 'wheel']) {
      window.addEventListener(kind, used, { passive: true });
    }
    setInterval(() => {
      const minutes = info.settings.auto_lock_minutes ?? 0;
      if (minutes > 0 && Date.now() - lastUse >= minutes * 60_000) {
        lastUse = Date.now();
        void lockNow();
      }
    }, 1000);
  }
  const pending = sessionStorage.getItem('keel-notice');
  if (pending) {
    sessionStorage.removeItem('keel-notice');
    showNotice(pending);
  }
  applyTheme(info.settings.theme);
  // A new, empty journal opens on the welcome (once; it can be skipped).
  if (info.welcome && (location.hash === '' || location.hash === '#/')) history.replaceState(null, '', '#/welcome');
  // Started from a reminder's click (`--open`): its day or week.
  else if (info.open) history.replaceState(null, '', info.open);
  // A reminder clicked while the app runs; an answer given to one changes the day shown.
  void api.onShellEvent('keel://open', (target) => {
    location.hash = target;
  });
  // An exchange with the sync folder wrote records here: an open page that is not being typed
  // in shows them at once; one being typed in merges at its next save (`dayBase`).
  void api.onShellEvent('keel://synced', (records) => {
    const view = dayView;
    const date = view?.date;
    if (view && date && editing.day === view && records.includes(`day/${date}`) && !daySaver.pending && !daySaver.inFlight) {
      void api
        .getDay(date)
        .then((day) => {
          if (editing.day !== view || view.date !== date || daySaver.pending || daySaver.inFlight) return;
          view.showContent(day);
          dayBase = { date, page: pageOf(day) };
        })
        .catch((e) => showNotice(api.asErrorDto(e).message));
    }
    const week = editing.week?.week;
    const weekChanged = week && (records.includes(`week/${week}`) || records.includes('events'));
    if (weekChanged && !weekSaver.pending && !weekSaver.inFlight) redraw();
    // The work cycle's events another computer added or removed: the day's line of them.
    if (view && date && editing.day === view && records.includes('events')) {
      void api
        .listEvents(date, date)
        .then((events) => view.date === date && view.showEvents(events))
        .catch((e) => showNotice(api.asErrorDto(e).message));
    }
    // The prompt library another computer changed: its page, when it is the one shown.
    if (records.includes('prompts') && showing === 'prompts') redraw();
    if (records.includes('settings')) {
      void api
        .getSettings()
        .then((stored) => {
          info.settings = stored;
          info.end_of_work = stored.end_of_work;
          applyTheme(stored.theme);
        })
        .catch((e) => showNotice(api.asErrorDto(e).message));
    }
  });
  void api.onShellEvent('keel://day-changed', (date) => {
    const view = dayView;
    if (!view || view.date !== date) return;
    void Promise.all([api.getDay(date), api.stillWorking(date)])
      .then(([day, still]) => {
        view.showBoundary(day);
        view.showWorkEnd(still, today);
      })
      .catch((e) => showNotice(api.asErrorDto(e).message));
  });

  /** @param {string} date an ISO date, or '' for today */
  const go = (date) => {
    location.hash = date ? dayHash(date) : '#/';
  };
  /** The day view, kept while days follow days (its editors keep their place). */
  let dayView = /** @type {DayView | null} */ (null);
  let pageShownSent = false;

  /** @type {Record<'prompts' | 'library' | 'trends' | 'data' | 'settings' | 'week' | 'day' | 'welcome', Page>} */
  const pages = {
    welcome: {
      title: () => t('title-welcome'),
      mount: async () => {
        const [settings, book] = await Promise.all([api.getSettings(), api.getValues()]);
        new WelcomeView(root, {
          settings,
          book,
          saveSettings: api.saveSettings,
          saved: (stored) => {
            info.end_of_work = stored.end_of_work;
            info.settings = stored;
          },
          setValues: api.setValues,
          setPassphrase: api.setPassphrase,
          finish: async () => {
            await api.finishWelcome();
            info.welcome = false;
            // A passphrase set in the welcome needs the page started again (the Lock button).
            if (!info.encrypted && (await api.getAppInfo()).encrypted) {
              sessionStorage.setItem('keel-notice', t('privacy-encrypted-done'));
              location.hash = '#/';
              location.reload();
              return;
            }
            location.hash = '#/';
          },
          failed: showNotice,
        });
      },
    },
    prompts: {
      title: () => t('nav-prompts'),
      mount: async () => {
        const prompts = new PromptsView(root, {
          list: api.listPrompts,
          add: api.addPrompt,
          edit: api.editPrompt,
          remove: api.deletePrompt,
          setHidden: api.setPromptHidden,
        });
        await prompts.reload();
      },
    },
    library: {
      title: () => t('nav-library'),
      mount: async (route) => {
        const library = new LibraryView(root, await refreshToday(), {
          search: api.search,
          tags: api.tagCounts,
          calendar: api.calendar,
          events: api.listEvents,
          addEvent: api.addEvent,
          removeEvent: api.removeEvent,
          setQuery: (q) => {
            location.hash = `#/library?q=${encodeURIComponent(q)}`;
          },
          failed: showNotice,
        });
        await library.show(route.name === 'library' ? route.query : '');
      },
    },
    trends: {
      title: () => t('nav-trends'),
      mount: async () => {
        const trends = new TrendsView(root, { load: api.getTrends, save: api.saveChart, open: go, failed: showNotice });
        await trends.load('90d');
      },
    },
    data: {
      title: () => t('nav-data'),
      mount: async () => {
        new DataView(root, { exportJournal: api.exportJournal, previewImport: api.previewImport, applyImport: api.applyImport });
      },
    },
    settings: {
      title: () => t('nav-settings'),
      mount: async () => {
        const [settings, book] = await Promise.all([api.getSettings(), api.getValues()]);
        new SettingsView(root, settings, {
          values: { book, save: api.setValues },
          sync: {
            encrypted: info.encrypted,
            get: api.getSync,
            attach: api.attachSync,
            now: api.syncNow,
            detach: api.detachSync,
            failed: showNotice,
          },
          about: { version: info.version, journalDir: info.journal_dir },
          backups: api.listBackups,
          restore: api.restoreBackup,
          save: api.saveSettings,
          setBackground: api.setBackgroundReminders,
          saved: (stored) => {
            const relocalize = stored.language !== info.settings.language;
            // The day page's words ("Did work stop by 18:00?") come from the app info.
            info.end_of_work = stored.end_of_work;
            info.settings = stored;
            showStatus('saved', { savedAt: new Date() });
            // Another language: the page is drawn again in it, at once.
            if (relocalize) void speak().then(() => /** @type {HTMLElement | null} */ (document.querySelector('[data-testid=setting-language]'))?.focus());
          },
          failed: showNotice,
          privacy: {
            encrypted: info.encrypted,
            set: api.setPassphrase,
            change: api.changePassphrase,
            remove: api.removePassphrase,
            // The page starts again, so that the Lock button and the idle timer follow.
            done: (message) => {
              sessionStorage.setItem('keel-notice', message);
              location.reload();
            },
          },
        });
      },
    },
    week: {
      title: (route) => (route.name === 'week' && route.week) || t('title-week'),
      mount: async (route) => {
        if (route.name !== 'week' || !route.week) return;
        const week = await api.getWeek(route.week);
        weekBase = { week: week.week, content: week.content };
        const current = new WeekView(root, week, {
          changed: () => weekSaver.changed(),
          flush: () => void weekSaver.flush(),
        });
        weekSaver.track(week.week, () => current.content());
        showStatus(week.saved ? 'saved' : 'idle', {});
        return { day: null, week: current };
      },
    },
    day: {
      title: (route) => (route.name === 'day' && route.date) || today,
      mount: async (route) => {
        // The router asked the app for today already when the route names no date.
        const date = (route.name === 'day' && route.date) || today;
        const view =
          dayView ??
          new DayView(root, {
            info,
            render: api.renderMarkdown,
            renderMarked: api.renderMarked,
            changed: () => daySaver.changed(),
            flush: () => void daySaver.flush(),
            go,
            prompts: { another: api.anotherPrompt, hide: api.hidePrompt, failed: showNotice },
            workEnd: { answer: api.answerEndOfWork, stillWorking: api.stillWorking, failed: showNotice },
          });
        dayView = view;
        // The day and everything shown beside it, asked for at once: the shell answers them side
        // by side instead of one round trip after another.
        const asked = api.getDay(date);
        const beside = Promise.all([
          api.getDayPrompts(date),
          api.weekOf(date),
          api.onThisDay(date),
          api.listEvents(date, date),
          api.stillWorking(date),
        ]);
        // Awaited below; if the day itself fails, that is the error shown, not this one.
        beside.catch(() => {});
        const day = await asked;
        view.show(day, today);
        dayBase = { date, page: pageOf(day) };
        daySaver.track(date, () => view.page());
        showStatus(day.saved ? 'saved' : 'idle', {});
        editing = { day: view, week: null };
        document.title = `Keel · ${date}`;
        const [prompts, week, earlier, events, still] = await beside;
        view.showPrompts(prompts);
        view.showWeek(week);
        view.showEarlier(earlier);
        view.showEvents(events);
        view.showWorkEnd(still, today);
        if (route.name === 'day' && route.highlight) await view.highlight(route.highlight);
        return { day: view, week: null };
      },
    },
  };

  /** Draws the page shown anew (what sync brought, a merge), where it is. */
  const redraw = () => {
    const y = window.scrollY;
    showing = '';
    loading = loading.then(route).then(() => window.scrollTo(0, y));
  };

  /** Loads the catalogue the settings now name and draws the page anew in it. */
  const speak = async () => {
    try {
      useCatalogue(await api.getCatalogue());
    } catch (e) {
      showNotice(api.asErrorDto(e).message);
      return;
    }
    dayView = null;
    showing = '';
    loading = loading.then(route);
    await loading;
  };

  /** Where the route leads, as `showing` names it (so the same page is not drawn twice). */
  const targetOf = (/** @type {import('./router.js').Route} */ route) => {
    switch (route.name) {
      case 'library':
        return `library?${route.query}`;
      case 'week':
        return route.week ?? '';
      case 'day':
        return route.date ?? today;
      case 'unknown':
        return today;
      default:
        return route.name;
    }
  };

  let loading = Promise.resolve();
  let firstRoute = true;
  const route = async () => {
    let parsed = parseRoute(location.hash);
    if (parsed.name === 'week' && parsed.week === null) {
      // "This week": the week holding today, in the user's week.
      parsed = { name: 'week', week: await api.weekOf(await refreshToday()) };
      history.replaceState(null, '', `#/week/${parsed.week}`);
    }
    if (parsed.name === 'unknown') {
      history.replaceState(null, '', '#/');
      parsed = { name: 'day', date: null };
    }
    // Today is asked again, unless the app info that gave it arrived a moment ago (the first page).
    if (parsed.name === 'day' && parsed.date === null && !firstRoute) await refreshToday();
    firstRoute = false;
    const target = targetOf(parsed);
    if (showing === target) return;
    // Never leave a page whose words are not saved.
    if (!(await savers.flush())) {
      const back = editing.day?.date ? dayHash(editing.day.date) : editing.week ? `#/week/${editing.week.week}` : `#/${showing}`;
      history.replaceState(null, '', back);
      return;
    }
    for (const link of document.querySelectorAll('[data-nav]')) {
      link.setAttribute('aria-current', String(/** @type {HTMLElement} */ (link).dataset.nav === parsed.name));
    }
    const page = pages[parsed.name];
    try {
      // Leaving a day or a week: nothing is edited until the new page says so.
      if (parsed.name !== 'day') dayView = null;
      editing = { day: null, week: null };
      if (parsed.name !== 'day' && parsed.name !== 'week') showStatus('idle', {});
      editing = (await page.mount(parsed)) ?? { day: null, week: null };
      showing = target;
      // The first page on screen (today's, or the welcome of a new journal) is what the start-up
      // benchmark waits for: said at the second frame after it is drawn, once the first frame
      // that shows it has been painted (the blank window it is measured against waits alike).
      if (!pageShownSent) {
        pageShownSent = true;
        requestAnimationFrame(() => requestAnimationFrame(() => void api.pageShown().catch(() => {})));
      }
      if (parsed.name !== 'day') document.title = `Keel · ${page.title(parsed)}`;
    } catch (error) {
      showFatal(api.asErrorDto(error));
    }
  };
  window.addEventListener('hashchange', () => {
    loading = loading.then(route);
  });
  loading = loading.then(route);

  document.addEventListener('keydown', (event) => {
    if (!event.ctrlKey || event.altKey || event.metaKey) return;
    const current = editing.day?.date ?? today;
    if (event.key === '[' || event.code === 'BracketLeft') {
      event.preventDefault();
      go(addDays(current, -1));
    } else if (event.key === ']' || event.code === 'BracketRight') {
      event.preventDefault();
      go(addDays(current, 1));
    } else if (event.key.toLowerCase() === 'l' && info.encrypted) {
      event.preventDefault();
      void lockNow();
    } else if (event.key.toLowerCase() === 't') {
      event.preventDefault();
      go('');
    } else if (event.key.toLowerCase() === 'k' || event.key.toLowerCase() === 'f') {
      event.preventDefault();
      const box = /** @type {HTMLInputElement | null} */ (document.querySelector('[data-testid=library-search]'));
      if (box) box.focus();
      else location.hash = '#/library';
    }
  });

  window.addEventListener('blur', () => void savers.flush());
  document.body.dataset.ready = 'true';
}

void start();
