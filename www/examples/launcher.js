// "Load on click": a button shows a hidden panel holding a <card-help loading="lazy">. Hidden,
// the widget never nears the viewport and fetches nothing; shown, it loads. Pointing at or
// focusing the button removes `loading`, so the download starts a moment before the click.
const button = document.getElementById('help-button');
const panel = document.getElementById('help');
const widget = document.getElementById('help-widget');

const warm = () => widget.removeAttribute('loading');
button.addEventListener('pointerenter', warm, { once: true });
button.addEventListener('focus', warm, { once: true });
button.addEventListener('click', () => {
  const open = panel.hidden;
  panel.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
});
