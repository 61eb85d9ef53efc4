// Every cardhelp event into a tag manager's data layer (Google Tag Manager and others read
// `window.dataLayer`). The details carry ids only, never what the cardholder typed.
const EVENTS = ['ready', 'topic', 'plan', 'letter', 'calendar', 'print', 'share', 'storage', 'locale', 'error'];

window.dataLayer = window.dataLayer || [];
for (const name of EVENTS) {
  document.addEventListener(`cardhelp:${name}`, (e) => {
    window.dataLayer.push({ event: e.type, cardhelp: { ...e.detail, widget: e.target.id } });
  });
}
