// cardhelp loader and <card-help> custom element.
//
// One line on any page: <script type="module" async src=".../cardhelp.js"></script>, then
// <card-help></card-help>. The wasm loads relative to this file's own URL, so it works from
// any origin or sub-path. Each element renders into its own open shadow root: host CSS cannot
// reach in (except the --cardhelp-* custom properties) and widget CSS cannot leak out.
import init, {
  mount, plan as planNow, deadlines as deadlinesNow, classify as classifyNow,
} from './app/cardhelp.js';

const here = new URL('.', import.meta.url);
let wasmReady;

/**
 * Resolves once the page's HTML is parsed. With `async` on the snippet the loader runs (and the
 * wasm downloads and compiles) while the host page is still parsing; the widget then waits for
 * the parse so that a config in a `<script type="application/json">` child is complete.
 */
const parsed = document.readyState === 'loading'
  ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
  : Promise.resolve();

/** Loads and instantiates the wasm once per page, however many widgets there are. */
function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL('app/cardhelp_bg.wasm', here) });
  return wasmReady;
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
  static observedAttributes = ['locale', 'config', 'topic', 'today'];

  #widget;
  #config;
  #container;

  constructor() {
    super();
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

  connectedCallback() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('cardhelp.css', here).href;
    this.#container = document.createElement('div');
    this.#container.className = 'ch-root';
    shadow.append(style, this.#container);
    const styled = new Promise((resolve) => {
      style.addEventListener('load', resolve, { once: true });
      style.addEventListener('error', resolve, { once: true });
    });
    Promise.all([loadWasm(), styled, parsed]).then(
      () => {
        if (!this.isConnected || this.#widget) return;
        this.#widget = mount(this.#container, this.#options(), (name, detail) => this.#emit(name, detail));
      },
      (error) => {
        console.error('cardhelp: the widget could not load', error);
        this.#fallback(error);
        this.#emit('cardhelp:error', { type: 'error', code: 'load' });
      },
    );
  }

  disconnectedCallback() {
    this.#widget?.destroy();
    this.#widget = undefined;
  }

  attributeChangedCallback() {
    this.#update();
  }

  #update() {
    this.#widget?.update(this.#options());
  }

  #options() {
    const script = this.querySelector('script[type="application/json"]');
    return {
      locale: this.getAttribute('locale') ?? undefined,
      topic: this.getAttribute('topic') ?? undefined,
      today: this.getAttribute('today') ?? undefined,
      config: this.#config ?? this.getAttribute('config') ?? script?.textContent ?? undefined,
    };
  }

  #emit(name, detail) {
    if (detail?.code === 'panic') this.#fallback();
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Replaces the widget with the general guidance, in the requested language. */
  #fallback(error) {
    if (!this.#container) return;
    const tag = (this.getAttribute('locale') ?? document.documentElement.lang ?? 'en').slice(0, 2);
    const text = FALLBACK[tag] ?? FALLBACK.en;
    const box = document.createElement('section');
    box.className = 'ch ch-fallback';
    box.setAttribute('role', 'alert');
    const title = document.createElement('h2');
    title.className = 'ch-title';
    title.textContent = text.title;
    const body = document.createElement('p');
    body.textContent = text.body;
    box.append(title, body);
    this.#container.replaceChildren(box);
    this.#widget = undefined;
    // The host's own lines and links, and what blocked the wasm, from a module loaded only now;
    // if it cannot load either, the general guidance above stays.
    import('./fallback.js').then((m) => m.render(box, this.#options().config, tag, error), () => {});
  }
}

if (!customElements.get('card-help')) customElements.define('card-help', CardHelpElement);

// The headless API: the same JSON contract as the `cardhelp` CLI, for hosts with their own UI.
// Each call waits for the wasm, then returns plain objects; bad input rejects with an Error whose
// message starts with the offending field's path.

/** The plan for a case: `{ today, topic?, locale?, text?, facts?, answers?, calendar?, config? }`. */
export async function plan(caseData) {
  await loadWasm();
  return planNow(caseData);
}

/** Only the deadlines, for `facts` and `{ today, locale?, calendar? }`. */
export async function deadlines(facts, options) {
  await loadWasm();
  return deadlinesNow(facts, options);
}

/** The 12 topics ranked for a cardholder's own words: `{ topics, reasons, confident }`. */
export async function classify(text) {
  await loadWasm();
  return classifyNow(String(text ?? ''));
}

/** Resolves once the engine is loaded. */
export const ready = () => loadWasm().then(() => undefined);

window.cardhelp ??= Object.freeze({ plan, deadlines, classify, ready });
