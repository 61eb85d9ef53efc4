// Debug mode only (the `debug` attribute on <card-help>): warns on the console when the theme's
// accent is hard to read in the colour scheme the widget is drawn in. The loader imports this
// module only then, so cardholders never download it.

/** A CSS colour, in any syntax the browser knows, as sRGB [red, green, blue] from 0 to 255. */
function rgb(color) {
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}

/** WCAG 2 relative luminance. */
function luminance(color) {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, from 1 to 21. */
function contrast(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Text needs 4.5:1 against its background for WCAG AA. */
const AA = 4.5;

/**
 * Warns when the accent of `element` (a <card-help>) falls under AA contrast in the scheme it
 * is drawn in: as text and borders on the widget's background, and behind button text.
 * `root` is the element in its shadow root that the widget's colours are set on.
 */
export function check(element, root) {
  const pinned = element.getAttribute('color-scheme');
  const dark = pinned === 'dark' || (pinned !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  const scheme = dark ? 'dark' : 'light';
  const style = getComputedStyle(root);
  const [accent, ink, bg] = ['--ch-accent', '--ch-accent-ink', '--ch-bg'].map((p) => style.getPropertyValue(p).trim());
  const fix = dark ? '--cardhelp-accent-dark and --cardhelp-accent-ink-dark' : '--cardhelp-accent and --cardhelp-accent-ink';
  const pairs = [[accent, bg, `the accent ${accent} on the background ${bg}`], [ink, accent, `button text ${ink} on the accent ${accent}`]];
  for (const [front, back, what] of pairs) {
    const ratio = contrast(front, back);
    if (ratio < AA) {
      console.warn(`cardhelp: in the ${scheme} colour scheme, ${what} has a contrast of ${ratio.toFixed(1)}:1, under the ${AA}:1 that WCAG AA asks of text: adjust ${fix}`);
    }
  }
}
