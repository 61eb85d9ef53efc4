// The configurator: a form for every config key, checked live by the widget itself.
//
// The form's values become a config object, which goes to the preview `<card-help>` as its
// `config` property. The element checks it with the same code as on a host page and lists
// the problems in its `problems` property (`[{field, message}]`), which are shown under the
// field each one names. Nothing is sent anywhere: this page is static, like the widget.
// Operator tooling only: not one of the widget's files.

const TOPICS = [
  ['unauthorized_charge', 'A charge the cardholder didn\u2019t make'],
  ['billing_dispute', 'A wrong or duplicate charge'],
  ['fees_interest', 'Fees or interest'],
  ['payment_issue', 'A payment that didn\u2019t post'],
  ['identity_theft', 'Identity theft'],
  ['credit_reporting', 'A wrong credit report'],
  ['account_closure', 'Closing the account'],
  ['credit_limit_application', 'Credit limit or application'],
  ['rewards_promotions', 'Rewards and promotions'],
  ['card_problem', 'A lost, stolen or damaged card'],
  ['hardship', 'Trouble paying'],
  ['account_service', 'Everything else about the account'],
];
const PHONE_FIELDS = [
  ['number', 'Number, as cardholders should see it (an extension may follow: "ext. 12" or "x12")', 'tel', '+1 (800) 555-0100'],
  ['hours', 'Hours, e.g. 24/7 or Mon\u2013Fri 8am\u20138pm', 'text', 'Mon\u2013Fri 8am\u20138pm'],
  ['hours.es', 'Hours in Spanish (optional; shown in the Spanish plan)', 'text', 'lunes a viernes, de 8 a 20 h'],
  ['time_zone', 'Time zone of those hours', 'text', 'America/New_York'],
];

const form = document.getElementById('config-form');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');

/** Adds `label` + `control` (+ its error line) to `parent`. */
function field(parent, path, label, control) {
  const box = document.createElement('div');
  box.className = 'field';
  const id = path.replaceAll('.', '-');
  control.id = id;
  control.dataset.path = path;
  const text = document.createElement('label');
  text.htmlFor = id;
  text.textContent = label;
  box.append(text, control);
  parent.append(box);
}

for (const fieldset of document.querySelectorAll('fieldset.phone')) {
  const line = fieldset.dataset.line;
  for (const [key, label, type, placeholder] of PHONE_FIELDS) {
    const input = document.createElement('input');
    input.type = type;
    input.placeholder = placeholder;
    if (key === 'time_zone') input.setAttribute('list', 'time-zones');
    field(fieldset, `phones.${line}.${key}`, label, input);
  }
}
const topics = document.getElementById('topics');
const previewTopic = document.getElementById('preview-topic');
for (const [id, name] of TOPICS) {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.value = id;
  box.checked = true;
  const code = document.createElement('code');
  code.textContent = id;
  const text = document.createElement('span');
  text.append(`${name} (`, code, ')');
  label.append(box, text);
  topics.append(label);
  previewTopic.append(new Option(name, id));
}

// Every field gets a place for its error, tied to it for screen readers.
for (const control of form.querySelectorAll('[data-path]')) {
  const error = document.createElement('p');
  error.className = 'error';
  error.id = `error-${control.dataset.path.replaceAll('.', '-')}`;
  error.hidden = true;
  (control.closest('.field') ?? control).append(error);
  control.setAttribute('aria-describedby', error.id);
}

/** The value at `path` (`phones.fraud.number`), or undefined when left empty. */
function valueOf(path) {
  const control = form.querySelector(`[data-path="${path}"]`);
  if (control.matches('fieldset')) {
    const boxes = [...control.querySelectorAll('input[type=checkbox]')];
    const checked = boxes.filter((b) => b.checked).map((b) => b.value);
    // All topics is the default; no weekend day open is too.
    if (path === 'topics') return checked.length === boxes.length ? undefined : checked;
    return checked.length ? checked : undefined;
  }
  const value = control.value;
  if (value.trim() === '') return undefined;
  if (control.dataset.list !== undefined) return value.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  if (control.matches('select') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** The form as a config object, with only what was filled in. */
function config() {
  const out = {};
  const set = (path, value) => {
    if (value === undefined) return;
    const keys = path.split('.');
    let at = out;
    for (const key of keys.slice(0, -1)) at = at[key] ??= {};
    at[keys.at(-1)] = value;
  };
  for (const path of ['issuer_name', 'secure_message_url', 'online_account_url', 'app_url',
    'dispute_form_url', 'dispute_form_is_written_notice', 'billing_error_address',
    'calendar.closed_days', 'calendar.open_weekdays', 'calendar.open_days',
    'calendar.mail_on_saturday', 'default_locale', 'topics']) {
    set(path, valueOf(path));
  }
  for (const line of ['card_services', 'fraud', 'general']) {
    const at = `phones.${line}`;
    const [hours, hoursEs] = [valueOf(`${at}.hours`), valueOf(`${at}.hours.es`)];
    set(`${at}.number`, valueOf(`${at}.number`));
    // In each language once the Spanish text is given (a language left out shows the other).
    set(`${at}.hours`, hoursEs === undefined ? hours : { en: hours, es: hoursEs });
    set(`${at}.time_zone`, valueOf(`${at}.time_zone`));
  }
  return out;
}

/** The form control a problem's field names: `calendar.closed_days[2]` → the closed days. */
function controlFor(field) {
  let path = field.replace(/\[\d+\]/g, '');
  while (path) {
    const control = form.querySelector(`[data-path="${path}"]`);
    if (control) return control;
    path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  }
  return null;
}

/** Shows the widget's problems under their fields, and the rest above the form. */
function showProblems() {
  const byControl = new Map();
  const general = [];
  for (const { field: path, message } of preview.problems ?? []) {
    const control = controlFor(path);
    if (control) byControl.set(control, [...(byControl.get(control) ?? []), `${path}: ${message}`]);
    else general.push(`${path}: ${message}`);
  }
  for (const control of form.querySelectorAll('[data-path]')) {
    const messages = byControl.get(control);
    const error = document.getElementById(control.getAttribute('aria-describedby'));
    error.hidden = !messages;
    error.textContent = messages ? messages.join('\n') : '';
    if (messages) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
  const count = (preview.problems ?? []).length;
  const summary = document.getElementById('form-problems');
  summary.textContent = count
    ? `${count} ${count === 1 ? 'problem' : 'problems'} to fix. ${general.join(' ')}`
    : 'No problems: the widget accepts this configuration.';
  summary.classList.toggle('bad', count > 0);
  document.getElementById('snippet-note').classList.toggle('bad', count > 0);
}

/** The snippet to paste: the loader, then the element with the config as a JSON child. */
function showSnippet(value) {
  const src = new URL('cardhelp.js', document.baseURI).href;
  const loader = `<script type="module" async src="${src}"></script>`;
  // `<` escaped, so no value can close the script element early (`</script>`).
  const json = JSON.stringify(value, null, 2).replaceAll('<', '\\u003c');
  snippet.textContent = Object.keys(value).length
    ? `${loader}\n<card-help>\n  <script type="application/json">\n${json.replace(/^/gm, '  ')}\n  </script>\n</card-help>`
    : `${loader}\n<card-help></card-help>`;
}

function refresh() {
  const value = config();
  preview.config = value;
  showSnippet(value);
  showProblems();
}

form.addEventListener('input', refresh);
form.addEventListener('change', refresh);
// The first problems arrive once the widget has mounted.
for (const name of ['cardhelp:ready', 'cardhelp:error']) preview.addEventListener(name, showProblems);
previewTopic.addEventListener('change', () => preview.setAttribute('topic', previewTopic.value));
document.getElementById('copy').addEventListener('click', async () => {
  const status = document.getElementById('copied');
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    status.textContent = 'Copied.';
  } catch {
    getSelection().selectAllChildren(snippet);
    status.textContent = 'Copying was refused: the snippet is selected, copy it with your keyboard.';
  }
});
customElements.whenDefined('card-help').then(refresh);
