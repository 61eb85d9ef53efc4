// What a cardholder sees when the widget cannot run at all: no WebAssembly (iOS Lockdown Mode is
// reported to turn it off, and some locked-down browsers do), or the wasm failed to load. The
// loader shows the rules everyone needs at once; this adds, without the wasm, the host's own
// phone lines, billing-error address and links from its config. The loader imports this module
// only then, so a working widget never downloads it.

const TEXT = {
  en: {
    call: 'Call your card issuer',
    address: 'Billing-error address',
    more: 'Other ways to reach your card issuer',
    hours: 'Hours',
    phones: { fraud: 'Fraud line', card_services: 'Card services', general: 'Customer service' },
    links: {
      online_account_url: 'Your online account',
      secure_message_url: 'Send a secure message',
      app_url: 'The mobile app',
      dispute_form_url: 'Dispute form',
    },
  },
  es: {
    call: 'Llame al emisor de su tarjeta',
    address: 'Dirección para errores de facturación',
    more: 'Otras formas de comunicarse con el emisor de su tarjeta',
    hours: 'Horario',
    phones: { fraud: 'Línea de fraude', card_services: 'Servicios de tarjeta', general: 'Servicio al cliente' },
    links: {
      online_account_url: 'Su cuenta en línea',
      secure_message_url: 'Enviar un mensaje seguro',
      app_url: 'La aplicación',
      dispute_form_url: 'Formulario de disputa',
    },
  },
};

/** The host config as an object, from an object or JSON text; anything else is no config. */
function parse(config) {
  if (typeof config === 'string') {
    try {
      return parse(JSON.parse(config));
    } catch {
      return {};
    }
  }
  return config && typeof config === 'object' ? config : {};
}

/** A short plain string from the config, or undefined. */
const text = (v, max = 200) => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : undefined);

/** `tel:` link target for a phone number written the usual ways, or undefined if it is not one. */
function tel(number) {
  const n = text(number, 40);
  if (!n || !/^\+?[\d\s().-]+$/.test(n)) return undefined;
  const digits = n.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? `tel:${n.startsWith('+') ? '+' : ''}${digits}` : undefined;
}

/** An https URL from the config, or undefined: nothing else becomes a link. */
function https(url) {
  try {
    const u = new URL(text(url, 2000));
    return u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function el(name, attrs, ...children) {
  const node = document.createElement(name);
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  node.append(...children.filter((c) => c !== undefined));
  return node;
}

/** A phone line as a big call link: its name and number, its hours under it. */
function line(t, id, phone, primary) {
  const href = tel(phone?.number);
  if (!href) return [];
  const link = el('a', { href, class: `ch-btn ch-btn-big${primary ? ' ch-btn-primary' : ''}` },
    el('strong', null, t.phones[id]), el('span', null, phone.number.trim()));
  const hours = text(phone.hours, 80);
  return [link, hours && el('p', { class: 'ch-help' }, `${t.hours}: ${hours}`)];
}

/**
 * What to do about each way the widget's files can fail to load (the loader's `problem`: its
 * `cause`, the file's `url`, and `status`, `type` or `directive` where known), for the console.
 */
const ADVICE = {
  not_found: (p) => `${p.url} answered HTTP 404: the files are not where cardhelp.js expects them. Copy the whole folder, with app/ and cardhelp.css next to cardhelp.js`,
  http: (p) => `${p.url} answered HTTP ${p.status}: check that the server lets anyone read the widget's folder`,
  mime: (p) => (p.url.endsWith('.wasm')
    ? `${p.url} came as ${p.type} and is not the wasm: the server sent another file, often its own page for a path it does not have. Check the path, and serve .wasm files as application/wasm`
    : `${p.url} came as ${p.type}: serve .js files as text/javascript (browsers refuse module scripts of any other type)`),
  cors: (p) => `${new URL(p.url).origin} does not let this page read ${p.url}: send Access-Control-Allow-Origin (for example *) with the widget's files`,
  csp: (p) => (p.directive === 'script-src' && p.url.endsWith('.wasm')
    ? "the page's Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src"
    : `the page's Content-Security-Policy blocks ${p.url}: allow ${new URL(p.url).origin} in ${p.directive}${p.directive === 'connect-src' ? ' (the wasm is fetched: with default-src set, connect-src must allow its origin too)' : ''}`),
  network: (p) => `${p.url} could not be fetched: the device is offline, or something on the way blocked it`,
  invalid: (p) => `${p.url} is not a working WebAssembly file (damaged, or from another build): copy the whole folder again, from one build`,
  unsupported: () => 'this browser runs no WebAssembly (some turn it off, as iOS Lockdown Mode does)',
};

/**
 * Adds to `box` (the fallback section: its title and the general rules, call now and write
 * within 60 days) the host's phone lines, fraud first, its billing-error address and its links,
 * in `lang` (en or es). Whatever the config lacks or gets wrong is left out. `problem`, when the
 * widget's files could not load, is explained on the console with what fixes it.
 */
export function render(box, config, lang, problem) {
  const advice = ADVICE[problem?.cause];
  if (advice) console.error(`cardhelp: the widget could not load: ${advice(problem)}`);
  const t = TEXT[lang] ?? TEXT.en;
  const c = parse(config);
  const phones = c.phones && typeof c.phones === 'object' ? c.phones : {};
  const lines = ['fraud', 'card_services', 'general'].flatMap((id, i) => line(t, id, phones[id], i === 0));
  const address = text(c.billing_error_address, 500);
  const links = Object.keys(t.links).map((key) => {
    const href = https(c[key]);
    return href && el('a', { href, class: 'ch-btn', rel: 'noopener' }, t.links[key]);
  });
  const section = (title, parts) => (parts.some(Boolean) ? [el('h3', null, title), ...parts.filter(Boolean)] : []);
  box.append(
    ...section(t.call, lines),
    ...section(t.address, [address && el('p', null, ...address.split('\n').flatMap((l, i) => (i ? [el('br'), l.trim()] : [l.trim()])))]),
    ...section(t.more, links),
  );
}
