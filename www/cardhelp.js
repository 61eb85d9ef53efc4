// cardhelp loader and <card-help> custom element.
//
// One line on any page: <script type="module" async src=".../cardhelp.js"></script>, then
// <card-help></card-help>. The wasm loads relative to this file's own URL, so it works from
// any origin or sub-path. Each element renders into its own open shadow root: host CSS cannot
// reach in (except the --cardhelp-* custom properties) and widget CSS cannot leak out.

const here = new URL('.', import.meta.url);
let wasmReady;
/**
 * wasm-bindgen's module (`mount`, `plan`, ...), once the wasm runs. It is imported only when a
 * widget or the headless API first needs it, so a `loading="lazy"` widget costs the page this
 * file alone until then.
 */
let app;

/**
 * Resolves once the page's HTML is parsed. With `async` on the snippet the loader runs (and the
 * wasm downloads and compiles) while the host page is still parsing; the widget then waits for
 * the parse so that a config in a `<script type="application/json">` child is complete.
 */
const parsed = document.readyState === 'loading'
  ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
  : Promise.resolve();

/** Each connected element's way to fail, so a failure of the shared wasm reaches them all. */
const live = new Map();
/** Set once the wasm has trapped: its memory can no longer be trusted, for any widget. */
let broken = false;
const STOPPED = 'cardhelp: the engine stopped after an internal error';

const appFile = new URL('app/cardhelp.js', here);
const wasmFile = new URL('app/cardhelp_bg.wasm', here);

/**
 * Loads and instantiates the wasm once per page, however many widgets there are. The glue
 * script and the wasm download side by side. A failure rejects with a `problem` saying what
 * most likely went wrong.
 */
function loadWasm() {
  wasmReady ??= Promise.all([
    import('./app/cardhelp.js').catch((error) => diagnose(appFile, error)),
    fetch(wasmFile).then(wasmBody, (error) => diagnose(wasmFile, error)),
  ]).then(async ([glue, wasm]) => {
    try {
      await glue.default({ module_or_path: wasm });
    } catch (error) {
      if (typeof WebAssembly === 'undefined') throw problem('unsupported', wasmFile);
      // WebKit fires no securitypolicyviolation event for a blocked wasm, and each engine words
      // the error its own way.
      if (blocked.some((v) => v.blockedURI === 'wasm-eval') || /content security policy|\bCSP\b|unsafe-eval/i.test(reason(error))) {
        throw problem('csp', wasmFile, { directive: 'script-src' });
      }
      if (error instanceof WebAssembly.CompileError) throw problem('invalid', wasmFile);
      throw error;
    }
    app = glue;
  });
  return wasmReady.then(() => {
    if (broken) throw new Error(STOPPED);
  });
}

/**
 * Why the widget could not load: `cause` is a code (`not_found`, `http`, `mime`, `cors`, `csp`,
 * `network`, `invalid`, `unsupported`) with the file's `url` and what else is known (`status`,
 * `type`, `directive`). fallback.js turns it into advice for the console.
 */
const problem = (cause, url, facts) => Object.assign(new Error(`cardhelp: the widget could not load (${cause}): ${url}`), { cause, url: url.href, ...facts });

/** The page's Content-Security-Policy violations, to tell a blocked file from a missing one. */
const blocked = [];
document.addEventListener('securitypolicyviolation', (e) => blocked.push(e));

/** The wasm response, checked; its bytes when the server gives the wasm another content type. */
async function wasmBody(response) {
  if (!response.ok) return diagnose(wasmFile, null, response);
  const type = response.headers.get('content-type');
  if (/^application\/wasm\s*(;|$)/i.test(type)) return response;
  const bytes = await response.arrayBuffer();
  // Not the wasm at all: often a host's own page for a path it does not have.
  if (String.fromCharCode(...new Uint8Array(bytes.slice(0, 4))) !== '\0asm') throw problem('mime', wasmFile, { type });
  console.warn(`cardhelp: serve ${wasmFile} as application/wasm, not ${type}: browsers then compile it while it downloads`);
  return bytes;
}

/**
 * Rejects with what most likely stopped `url` from loading: a CSP directive, CORS, a missing
 * file (HTTP status), a wrong content type or the network. `response` is the failed one, if
 * any; otherwise the file is fetched again to find out.
 */
async function diagnose(url, error, response) {
  // A violation event can arrive just after the failure it explains.
  await new Promise((resolve) => setTimeout(resolve));
  const violation = blocked.find((v) => [url.href, url.origin].includes(v.blockedURI));
  if (violation) throw problem('csp', url, { directive: violation.effectiveDirective });
  response ??= await fetch(url).catch(() => fetch(url, { mode: 'no-cors' }).then(() => 'cors', () => 'network'));
  if (typeof response === 'string') throw problem(response, url);
  const { status, headers } = response;
  if (!response.ok) throw problem(status === 404 ? 'not_found' : 'http', url, { status });
  const type = headers.get('content-type');
  if (!/javascript|ecmascript/i.test(type)) throw problem('mime', url, { type });
  throw error;
}

/**
 * A trap (`WebAssembly.RuntimeError`: a panic, an out-of-bounds access) leaves the one wasm
 * instance every widget shares in an unknown state: each widget is replaced by the general
 * guidance and reports `panic`. Any other error is left to the caller.
 */
function fatal(error) {
  // Without WebAssembly at all there is no instance to break (and no RuntimeError to test).
  if (typeof WebAssembly === 'undefined' || !(error instanceof WebAssembly.RuntimeError)) return;
  if (!broken) console.error('cardhelp: internal error', error);
  broken = true;
  for (const fail of live.values()) fail();
}

// A trap inside an event handler the widget registered reaches no caller of ours: it surfaces
// as an uncaught error whose stack runs through the wasm glue script.
window.addEventListener('error', (e) => {
  if (String(e.error?.stack).includes(new URL('app/', here).href)) fatal(e.error);
});

/** Longest host data copied, as measured roughly in JSON bytes: a config's own limit. */
const MAX_BYTES = 64 * 1024;
/** Deeper nesting than any config or case needs. */
const MAX_DEPTH = 64;

/**
 * `value` copied to plain JSON data (null-prototype objects, arrays, strings, finite numbers,
 * booleans), here in JS and before any wasm call sees it: a getter or Proxy that throws, a
 * revoked Proxy, a cycle or an array claiming billions of items fails here, as an Error
 * saying why, never inside the wasm. Only what `JSON.stringify` would keep is accepted, and
 * only from plain objects: a Date, Map or class instance is refused rather than guessed at.
 */
function plainData(value) {
  let budget = MAX_BYTES;
  const open = new Set();
  const spend = (bytes) => {
    budget -= bytes;
    if (budget < 0) throw new Error(`larger than ${MAX_BYTES} bytes`);
  };
  const copy = (v, depth) => {
    if (v === null || v === undefined) return null;
    const type = typeof v;
    if (type === 'string') return spend(v.length + 2), v;
    if (type === 'boolean') return spend(5), v;
    if (type === 'number') {
      if (!Number.isFinite(v)) throw new Error('NaN and infinite numbers are not JSON data');
      return spend(8), v;
    }
    if (type !== 'object') throw new Error('a function, symbol or big integer is not JSON data');
    if (depth > MAX_DEPTH) throw new Error(`nested more than ${MAX_DEPTH} levels deep`);
    if (open.has(v)) throw new Error('it refers to itself (a cycle)');
    open.add(v);
    let out;
    if (Array.isArray(v)) {
      const length = v.length;
      spend(2 * length);
      out = [];
      for (let i = 0; i < length; i += 1) out.push(copy(v[i], depth + 1));
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto !== null && Object.getPrototypeOf(proto) !== null) {
        throw new Error('not a plain object (a Date, Map or class instance)');
      }
      out = Object.create(null);
      for (const key of Object.keys(v)) {
        spend(key.length + 4);
        out[key] = copy(v[key], depth + 1);
      }
    }
    open.delete(v);
    return out;
  };
  return copy(value, 0);
}

/** What a host's thrown value says, without trusting it to be an Error. */
function reason(error) {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unreadable';
  }
}

/** `plainData(value)`, or an Error whose message starts with `field`, as the engine's do. */
function hostData(field, value) {
  try {
    return plainData(value);
  } catch (error) {
    throw new Error(`${field}: not plain JSON data (${reason(error)})`);
  }
}

/** Calls into the wasm; a trap there is fatal for every widget, and rethrown. */
function engine(call) {
  if (broken) throw new Error(STOPPED);
  try {
    return call();
  } catch (error) {
    fatal(error);
    throw error;
  }
}

/** What to show if the widget cannot run: the general guidance, without the wasm. */
const FALLBACK = {
  en: {
    title: 'Card help is unavailable right now',
    body: 'For a lost or stolen card, or a charge you didn\u2019t make, call the number on the back of your card now. To dispute a billing error, write to the billing-error address on your statement within 60 days of the statement\u2019s date.',
  },
  es: {
    title: 'La ayuda con su tarjeta no est\u00e1 disponible en este momento',
    body: 'Si perdi\u00f3 su tarjeta, se la robaron o ve un cargo que usted no hizo, llame ahora al n\u00famero que aparece al reverso de su tarjeta. Para disputar un error de facturaci\u00f3n, escriba a la direcci\u00f3n para errores de facturaci\u00f3n de su estado de cuenta dentro de los 60 d\u00edas siguientes a la fecha del estado.',
  },
};

class CardHelpElement extends HTMLElement {
  static observedAttributes = ['locale', 'config', 'topic', 'today', 'loading', 'debug'];
  /** The package version, Cargo.toml's, written in at build time (scripts/minify.mjs). */
  static version = '__CARDHELP_VERSION__';

  #widget;
  #config;
  #container;
  #failed = false;
  /** Stops waiting for a `loading="lazy"` element to near the viewport, while it waits. */
  #stopWaiting;
  #ready;
  #settle;
  /** The config's problems as last reported (`{field, message}` each), for `problems`. */
  #problems = [];
  /** The config child's text as last read, and what tells when it is edited. */
  #script;
  #observer;

  constructor() {
    super();
    this.#ready = new Promise((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    // A page that never asks for `ready` hears of a failure through the event alone.
    this.#ready.catch(() => {});
    // A host script may set `config` before this loader has defined the element (it loads
    // async): that made a plain property on the element, which would hide the setter below.
    // Take its value over and remove it.
    if (Object.hasOwn(this, 'config')) {
      this.#config = this.config;
      delete this.config;
    }
  }

  /** The host config as a JS object; takes precedence over the attribute and script child. */
  get config() {
    return this.#config;
  }

  set config(value) {
    this.#config = value;
    this.#update();
  }

  /**
   * Resolves with the `cardhelp:ready` detail once the widget has first rendered, for listeners
   * added before or after; rejects with an Error whose `detail` is the `cardhelp:error` detail
   * if it could not load.
   */
  get ready() {
    return this.#ready;
  }

  /** `light` or `dark` pins the colour scheme (the `color-scheme` attribute); `''` follows the device. */
  get colorScheme() {
    return this.getAttribute('color-scheme') ?? '';
  }

  set colorScheme(value) {
    if (value) this.setAttribute('color-scheme', value);
    else this.removeAttribute('color-scheme');
  }

  /** Debug mode (the `debug` attribute): the config's problems are shown in the widget. */
  get debug() {
    return this.hasAttribute('debug');
  }

  set debug(on) {
    this.toggleAttribute('debug', Boolean(on));
  }

  /** The config's problems as the widget last reported them: `[{field, message}]`. */
  get problems() {
    return this.#problems;
  }

  connectedCallback() {
    // Set before the element was defined: a plain property hiding the accessor above.
    if (Object.hasOwn(this, 'debug')) {
      const on = this.debug;
      delete this.debug;
      this.debug = on;
    }
    // Editing the `<script type="application/json">` child applies like an attribute change.
    this.#observer ??= new MutationObserver(() => {
      if (this.#configChild() !== this.#script) this.#update();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#container = document.createElement('div');
    this.#container.className = 'ch-root';
    this.#container.setAttribute('part', 'root');
    // The host's own content (the element's children) shows until the widget is ready.
    this.#container.append(document.createElement('slot'));
    shadow.replaceChildren(this.#container);
    this.#failed = false;
    live.set(this, () => this.#fail());
    if (this.getAttribute('loading') === 'lazy') this.#wait();
    else this.#load();
  }

  /**
   * Fetches nothing until the element comes within a screen's height of the viewport, or is
   * focused or pointed at, then loads.
   */
  #wait() {
    const go = () => {
      this.#stopWaiting();
      this.#load();
    };
    const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: '100% 0px' });
    near.observe(this);
    const events = ['focusin', 'pointerover'];
    for (const name of events) this.addEventListener(name, go);
    this.#stopWaiting = () => {
      near.disconnect();
      for (const name of events) this.removeEventListener(name, go);
      this.#stopWaiting = undefined;
    };
  }

  #load() {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('cardhelp.css', here).href;
    this.shadowRoot.prepend(style);
    const styled = new Promise((resolve) => {
      style.addEventListener('load', resolve, { once: true });
      style.addEventListener('error', resolve, { once: true });
    });
    Promise.all([loadWasm(), styled, parsed]).then(
      () => {
        if (!this.isConnected || this.#widget || this.#failed) return;
        this.#problems = [];
        this.#guard(() => {
          this.#widget = app.mount(this.#container, this.#options(), (name, detail) => this.#emit(name, detail));
        });
      },
      (error) => {
        if (!error.cause) console.error('cardhelp: the widget could not load', error);
        this.#fallback(error);
        const { cause, url } = error;
        this.#emit('cardhelp:error', { type: 'error', code: broken ? 'panic' : 'load', cause, url });
      },
    );
  }

  disconnectedCallback() {
    this.#stopWaiting?.();
    live.delete(this);
    this.#observer?.disconnect();
    const widget = this.#widget;
    this.#widget = undefined;
    if (widget) this.#guard(() => widget.destroy());
  }

  attributeChangedCallback(name) {
    // A lazy element told to load now (the attribute removed or set to `eager`).
    if (name === 'loading' && this.#stopWaiting && this.getAttribute('loading') !== 'lazy') {
      this.#stopWaiting();
      this.#load();
    }
    this.#update();
  }

  #update() {
    const widget = this.#widget;
    if (!widget) return;
    // Problems are reported during the update, if there are any.
    this.#problems = [];
    this.#guard(() => widget.update(this.#options()));
  }

  #configChild() {
    return this.querySelector('script[type="application/json"]')?.textContent;
  }

  /**
   * Runs a wasm call for this widget. Whatever it throws, the box is never left blank: a trap
   * takes every widget to the fallback (see `fatal`), any other error this one.
   */
  #guard(call) {
    try {
      engine(call);
    } catch (error) {
      if (!broken) console.error('cardhelp: internal error', error);
      this.#fail();
    }
  }

  /** Replaces the widget with the general guidance and reports `panic`, once. */
  #fail() {
    if (this.#failed) return;
    this.#failed = true;
    this.#fallback();
    const detail = { type: 'error', code: 'panic' };
    this.#settle.reject(Object.assign(new Error(STOPPED), { detail }));
    this.dispatchEvent(new CustomEvent('cardhelp:error', { detail, bubbles: true, composed: true }));
  }

  #options() {
    this.#script = this.#configChild();
    const options = {
      locale: this.getAttribute('locale') ?? undefined,
      topic: this.getAttribute('topic') ?? undefined,
      today: this.getAttribute('today') ?? undefined,
      config: this.getAttribute('config') ?? this.#script,
      debug: this.debug,
    };
    if (this.#config != null) {
      // A property value is host code: read here, in JS, once. What cannot be read is
      // reported as the config's problem and the widget runs with the default config.
      try {
        options.config = plainData(this.#config);
      } catch (error) {
        options.config = undefined;
        options.config_error = reason(error);
      }
    }
    return options;
  }

  #emit(name, detail) {
    if (detail?.code === 'panic') {
      // Sent from the engine's panic hook, while the wasm is unwinding to a trap: no further
      // call into it (not even a destroy) until the page reloads.
      broken = true;
      return this.#fail();
    }
    if (name === 'cardhelp:ready') {
      this.#container.querySelector(':scope > slot')?.remove();
      this.#settle.resolve(detail);
      // Debug mode: a warning when the accent is hard to read in the scheme in use.
      if (this.hasAttribute('debug')) import('./contrast.js').then((m) => m.check(this, this.#container), () => {});
    }
    if (detail?.code === 'load') this.#settle.reject(Object.assign(new Error('cardhelp: the widget could not load'), { detail }));
    if (detail?.code === 'config') this.#problems = Object.freeze(detail.problems);
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /**
   * Replaces the widget with the general guidance, in the requested language, and the host's
   * own content. `problem`, when the widget could not load, is explained on the console.
   */
  #fallback(problem) {
    if (!this.#container) return;
    const tag = (this.getAttribute('locale') ?? document.documentElement.lang ?? 'en').slice(0, 2);
    const text = FALLBACK[tag] ?? FALLBACK.en;
    const box = document.createElement('section');
    box.className = 'ch ch-fallback';
    box.setAttribute('part', 'fallback');
    box.setAttribute('role', 'alert');
    const title = document.createElement('h2');
    title.className = 'ch-title';
    title.textContent = text.title;
    const body = document.createElement('p');
    body.textContent = text.body;
    box.append(title, body);
    this.#container.replaceChildren(box, document.createElement('slot'));
    const widget = this.#widget;
    this.#widget = undefined;
    // Frees the app where the wasm still works; a broken instance is left alone.
    if (widget && !broken) {
      try {
        widget.destroy();
      } catch {
        // Already reported: the fallback is drawn.
      }
    }
    // The host's own lines and links, and advice for a load failure, from a module loaded only
    // now; if it cannot load either, the general guidance above stays.
    import('./fallback.js').then(
      (m) => m.render(box, this.#options().config, tag, problem),
      () => problem?.cause && console.error(problem.message),
    );
  }
}

if (!customElements.get('card-help')) customElements.define('card-help', CardHelpElement);

// The headless API: the same JSON contract as the `cardhelp` CLI, for hosts with their own UI.
// Each call waits for the wasm, then returns plain objects; bad input rejects with an Error whose
// message starts with the offending field's path.

/** The plan for a case: `{ today, topic?, locale?, text?, facts?, answers?, calendar?, config? }`. */
export async function plan(caseData) {
  await loadWasm();
  const data = hostData('case', caseData);
  return engine(() => app.plan(data));
}

/** The questions still to ask for a case, in order: `{ questions, done }` (the same shape of case as `plan`'s). */
export async function questions(caseData) {
  await loadWasm();
  const data = hostData('case', caseData);
  return engine(() => app.questions(data));
}

/** Only the deadlines, for `facts` and `{ today, locale?, calendar?, config? }`. */
export async function deadlines(facts, options) {
  await loadWasm();
  const data = [hostData('facts', facts), hostData('options', options)];
  return engine(() => app.deadlines(...data));
}

/** The 12 topics ranked for a cardholder's own words: `{ topics, reasons, confident }`. */
export async function classify(text) {
  if (typeof text !== 'string') {
    const found = text == null ? String(text) : Array.isArray(text) ? 'a list'
      : typeof text === 'object' ? 'an object' : `a ${typeof text}`;
    throw new Error(`text: expected a string, found ${found}`);
  }
  await loadWasm();
  // The classifier reads at most 16 KB of UTF-8, never more than this many UTF-16 units.
  const words = text.slice(0, 32 * 1024);
  return engine(() => app.classify(words));
}

/** Resolves once the engine is loaded. */
export const ready = () => loadWasm().then(() => undefined);

/** The same API as one object, also set as `window.cardhelp` for classic scripts. */
export const cardhelp = Object.freeze({ plan, questions, deadlines, classify, ready });
// An element with `id="cardhelp"` shows through `window.cardhelp` too, but not as the
// window's own property, as a host script's own global would be: only that one is kept.
if (!Object.hasOwn(window, 'cardhelp')) window.cardhelp = cardhelp;
