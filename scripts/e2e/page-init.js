// Loaded first in the test copy of every page the W3C WebDriver runs use (scripts/e2e/engines.mjs),
// before the widget's loader: what Playwright's init scripts and page events do in Chromium, for
// engines driven over plain WebDriver (WebKitGTK has no BiDi to listen to the console with).
// The server replaces NOW with the pinned clock (milliseconds) and NO_WASM with a boolean.
(() => {
  const now = /* NOW */ 0;
  if (now) {
    // "Today" is pinned, so the deadlines on a path are the same on every run.
    const RealDate = Date;
    class PinnedDate extends RealDate {
      constructor(...args) {
        if (args.length === 0) super(now);
        else super(...args);
      }

      static now() {
        return now;
      }
    }
    window.Date = PinnedDate;
  }
  // A browser without WebAssembly (iOS Lockdown Mode, locked-down kiosks).
  if (/* NO_WASM */ false) delete window.WebAssembly;

  const problems = [];
  const violations = [];
  const events = [];
  const downloads = [];
  const logError = console.error.bind(console);
  console.error = (...args) => {
    problems.push(`console: ${args.map(String).join(' ')}`);
    logError(...args);
  };
  addEventListener('error', (e) => problems.push(`exception: ${e.message}`));
  addEventListener('unhandledrejection', (e) => problems.push(`rejection: ${e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  for (const name of ['ready', 'topic', 'plan', 'letter', 'calendar', 'print', 'share', 'storage', 'locale', 'error']) {
    document.addEventListener(`cardhelp:${name}`, (e) => events.push([name, JSON.stringify(e.detail)]));
  }

  // Blob downloads: the file the page offered, read from the Blob itself (the browser also
  // saves it to the session's download folder, which the runner checks).
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    const url = createObjectURL.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = blobs.get(this.href);
    if (this.download && blob) {
      const entry = { name: this.download, text: null };
      downloads.push(entry);
      blob.text().then((text) => { entry.text = text; });
    }
    return click.call(this);
  };

  /** The widget's shadow root (the `n`th <card-help>, or the one matching `host`). */
  const shadow = (host) => {
    const el = typeof host === 'string' ? document.querySelector(host) : document.querySelectorAll('card-help')[host ?? 0];
    return el?.shadowRoot ?? null;
  };
  const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const matches = (text, want) => (typeof want === 'string' ? squash(text) === want : new RegExp(want.re, want.flags).test(squash(text)));
  // Inside a closed disclosure nothing shows but its summary (Firefox still gives such
  // elements boxes).
  const folded = (el) => {
    const details = el.closest('details:not([open])');
    return Boolean(details) && el.closest('summary')?.parentElement !== details;
  };
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !folded(el);
  /** The accessible name the tests go by: aria-label, else the text (labels for form controls). */
  const nameOf = (el) => {
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => el.getRootNode().getElementById(id)?.textContent ?? '').join(' ');
    if (el.labels?.length) return [...el.labels].map((l) => l.textContent).join(' ');
    return el.textContent;
  };

  /**
   * Finds one element in the widget: `{ button }`, `{ label }` (a form control), `{ link }` or
   * `{ css, text? }`, optionally `within` a CSS scope and in another `host`. Names are exact
   * strings or `{ re, flags }`. Returns the first visible match, or null.
   */
  function find(q) {
    const root = shadow(q.host);
    if (!root) return null;
    const scopes = q.within ? [...root.querySelectorAll(q.within)] : [root];
    for (const scope of scopes) {
      let candidates;
      if (q.button) candidates = [...scope.querySelectorAll('button, [role=button], summary')].filter((el) => matches(nameOf(el), q.button));
      else if (q.link) candidates = [...scope.querySelectorAll('a[href]')].filter((el) => matches(nameOf(el), q.link));
      else if (q.label) candidates = [...scope.querySelectorAll('input, textarea, select')].filter((el) => matches(nameOf(el), q.label));
      else candidates = [...scope.querySelectorAll(q.css)].filter((el) => q.text === undefined || matches(el.textContent, q.text) || squash(el.textContent).includes(q.text));
      const hit = candidates.find(visible);
      if (hit) return hit;
    }
    return null;
  }

  /** Sideways scrolling and controls cut off at the edges of the current (frame) viewport. */
  function fit() {
    const width = document.documentElement.clientWidth;
    const clipped = [];
    for (const host of document.querySelectorAll('card-help')) {
      for (const el of host.shadowRoot?.querySelectorAll('button, a[href], input, select, textarea, summary') ?? []) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.left < -0.5 || r.right > width + 0.5) clipped.push(`${el.localName} "${squash(nameOf(el)).slice(0, 40)}" spans ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
      }
    }
    return { sideways: document.documentElement.scrollWidth - width, clipped };
  }

  /** What every kind of browser storage holds. */
  async function storage() {
    return {
      local: localStorage.length,
      session: sessionStorage.length,
      cookies: document.cookie,
      databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    };
  }

  window.__e2e = { problems, violations, events, downloads, shadow, find, fit, storage, squash };
})();
