// A small W3C WebDriver client (classic HTTP protocol, Node's fetch) for the engines Playwright
// does not drive here: WebKitGTK through WebKitWebDriver (under Xvfb: it has no headless mode)
// and Firefox ESR through geckodriver. Chromium through chromedriver works the same way, so one
// path description runs in every engine. Each session starts its own driver process in its own
// process group and ends it as a whole, or a browser process would outlive the test.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The W3C key under which a web element reference travels. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/**
 * The engines, each with its driver command and the capabilities that make it usable on a
 * headless root machine: where the browser is, downloads into `downloads` without asking, and
 * no dialog that would block the session (Firefox's print preview).
 */
export const ENGINES = {
  webkit: {
    name: 'WebKitGTK',
    command: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', '/usr/bin/WebKitWebDriver', `--port=${port}`]],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    }),
    // WebKitGTK saves downloads to the XDG download folder of the user's config.
    async environment(home, downloads) {
      const config = join(home, 'config');
      await mkdir(config, { recursive: true });
      await writeFile(join(config, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
      return { XDG_CONFIG_HOME: config, HOME: home };
    },
  },
  firefox: {
    name: 'Firefox ESR',
    command: (port) => ['geckodriver', ['--port', String(port), '--log', 'fatal']],
    capabilities: (downloads) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: {
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'text/calendar,text/plain',
          'dom.events.testing.asyncClipboard': true,
          // print() goes straight to a PDF file instead of opening a preview that blocks.
          'print.always_print_silent': true,
          'print.show_print_progress': false,
          print_printer: 'Mozilla Save to PDF',
          'print.printer_Mozilla_Save_to_PDF.print_to_file': true,
          'print.printer_Mozilla_Save_to_PDF.print_to_filename': join(downloads, 'print.pdf'),
        },
      },
    }),
    environment: async () => ({}),
  },
  chromium: {
    name: 'Chromium',
    command: (port) => ['/usr/bin/chromedriver', [`--port=${port}`]],
    capabilities: (downloads) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--window-size=1280,1024'],
        prefs: { 'download.default_directory': downloads, 'download.prompt_for_download': false },
      },
    }),
    environment: async () => ({}),
  },
};

/** One browser session on its own driver process. */
export class Session {
  /** Starts the driver for `engine` (a key of ENGINES) and opens a session. */
  static async start(engine) {
    const spec = ENGINES[engine];
    if (!spec) throw new Error(`unknown engine ${engine}: one of ${Object.keys(ENGINES).join(', ')}`);
    const home = await mkdtemp(join(tmpdir(), `cardhelp-${engine}-`));
    const downloads = join(home, 'downloads');
    await mkdir(downloads, { recursive: true });
    const port = await freePort();
    const [cmd, args] = spec.command(port);
    const driver = spawn(cmd, args, {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...(await spec.environment(home, downloads)) },
    });
    let log = '';
    driver.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
    const session = new Session(engine, `http://127.0.0.1:${port}`, driver, home, downloads);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const status = await fetch(`${session.base}/status`);
        if (status.ok) break;
      } catch { /* not listening yet */ }
      if (driver.exitCode !== null || Date.now() > deadline) {
        session.#kill();
        throw new Error(`${spec.name}'s driver did not start: ${log}`);
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
    try {
      const created = await session.#send('POST', '/session', {
        capabilities: { alwaysMatch: spec.capabilities(downloads) },
      });
      session.id = created.sessionId;
    } catch (error) {
      session.#kill();
      throw error;
    }
    await session.cmd('POST', '/timeouts', { script: 30_000, pageLoad: 30_000, implicit: 0 });
    // Tall enough for a whole phone-sized frame: a click is aimed in the top window's viewport.
    await session.cmd('POST', '/window/rect', { width: 1200, height: 1100 });
    return session;
  }

  constructor(engine, base, driver, home, downloads) {
    this.engine = engine;
    this.name = ENGINES[engine].name;
    this.base = base;
    this.driver = driver;
    this.home = home;
    this.downloads = downloads;
  }

  async #send(method, path, body) {
    const response = await fetch(this.base + path, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
    const json = await response.json();
    if (!response.ok || json.value?.error) {
      const { error, message } = json.value ?? {};
      throw new Error(`${this.name}: ${method} ${path}: ${error}: ${message}`);
    }
    return json.value;
  }

  /** A command on this session: `path` is relative to /session/{id}. */
  cmd(method, path, body) {
    return this.#send(method, `/session/${this.id}${path}`, body);
  }

  navigate(url) {
    return this.cmd('POST', '/url', { url });
  }

  /**
   * Runs `fn` (a function, serialized) in the current browsing context with `args`, which may
   * hold element references; returns its (awaited) result, elements as references.
   */
  run(fn, ...args) {
    return this.cmd('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args });
  }

  /** Polls `fn` until it returns something truthy, which it returns; fails with `what` after `ms`. */
  async until(what, fn, args = [], ms = 10_000) {
    const deadline = Date.now() + ms;
    let last;
    for (;;) {
      last = await this.run(fn, ...args);
      if (last) return last;
      if (Date.now() > deadline) throw new Error(`${this.name}: timed out waiting for ${what}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  /** The first element matching a CSS selector in the current document (not in shadow roots). */
  css(selector) {
    return this.cmd('POST', '/element', { using: 'css selector', value: selector });
  }

  /** Enters the iframe `frame` (an element reference), or returns to the top with null. */
  frame(frame) {
    return frame ? this.cmd('POST', '/frame', { id: frame }) : this.cmd('POST', '/frame', { id: null });
  }

  /** A real click: the driver moves the pointer to the element's centre and presses. */
  click(element) {
    return this.cmd('POST', `/element/${element[ELEMENT]}/click`);
  }

  /** Types `text` into whatever has the focus, one key at a time with `delay` ms between keys. */
  async typeSlowly(text, delay) {
    const actions = [];
    for (const ch of text) {
      actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
      if (delay) actions.push({ type: 'pause', duration: delay });
    }
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /** A PNG screenshot of the window's viewport, base64-encoded. */
  screenshot() {
    return this.cmd('GET', '/screenshot');
  }

  /** Ends the session and the driver's whole process group (browser included). */
  async close() {
    try {
      if (this.id) await Promise.race([this.cmd('DELETE', ''), new Promise((ok) => setTimeout(ok, 10_000))]);
    } catch { /* the driver may already be gone */ }
    this.#kill();
    await rm(this.home, { recursive: true, force: true });
  }

  #kill() {
    try {
      process.kill(-this.driver.pid, 'SIGTERM');
    } catch { /* already ended */ }
  }
}
