// cardhelp loader: defines <card-help> and loads the widget's wasm relative to this file's own
// URL, so one <script type="module" src=".../cardhelp.js"> works from any origin or sub-path.
import init, { mount } from './app/cardhelp.js';

const here = new URL('.', import.meta.url);
let wasmReady;

/** Loads and instantiates the wasm once per page, however many widgets there are. */
function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL('app/cardhelp_bg.wasm', here) });
  return wasmReady;
}

class CardHelpElement extends HTMLElement {
  connectedCallback() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('cardhelp.css', here).href;
    const container = document.createElement('div');
    container.className = 'ch-root';
    shadow.append(style, container);
    const styled = new Promise((resolve) => {
      style.addEventListener('load', resolve, { once: true });
      style.addEventListener('error', resolve, { once: true });
    });
    Promise.all([loadWasm(), styled]).then(() => {
      if (!this.isConnected || this.widget) return;
      this.widget = mount(container, this.getAttribute('locale'));
    });
  }

  disconnectedCallback() {
    this.widget?.destroy();
    this.widget = undefined;
  }
}

if (!customElements.get('card-help')) customElements.define('card-help', CardHelpElement);
