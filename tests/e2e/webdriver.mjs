// A small W3C WebDriver client for tauri-driver: just the calls the end-to-end
// tests make, so the suite needs no browser-automation framework.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(application, base = 'http://127.0.0.1:4444') {
    // tauri-driver matches on tauri:options alone; a browserName makes it fail.
    const res = await call(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application } } },
    });
    return new Session(base, res.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async end() {
    await this.cmd('DELETE', '');
  }

  async title() {
    return this.cmd('GET', '/title');
  }

  /** Polls until `probe` returns a truthy value; fails with `what` after `ms`. */
  /** Waits for the app; on a first run, completes the welcome (English, a tea shop). */
  async ensureShop() {
    const first = await this.waitFor('the welcome or the app', async () =>
      (await this.execute(`return document.querySelector('[data-testid="app-ready"]') ? 'app'
        : document.querySelector('[data-testid="welcome-shop-name"]') ? 'welcome' : null`)), 30000);
    // The outline index.html paints before any script runs no longer covers it.
    if (await this.execute(`return document.getElementById('boot') !== null`)) {
      throw new Error('the start-up outline still covers the first screen');
    }
    if (first === 'welcome') {
      await this.clickTestId('welcome-language-en');
      await this.typeInto('welcome-shop-name', 'Leaf & Cup Tea House');
      await this.typeInto('welcome-industry', 'Tea shop');
      await this.clickTestId('welcome-start');
      await this.byTestId('app-ready');
    }
  }

  async waitFor(what, probe, ms = 15000) {
    const deadline = Date.now() + ms;
    let last;
    for (;;) {
      try {
        const v = await probe();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async find(css) {
    const res = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, res[ELEMENT]);
  }

  async findAll(css) {
    const res = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return res.map((e) => new Element(this, e[ELEMENT]));
  }

  /** Waits until an element matching `css` is displayed, and returns it. */
  async el(css, ms) {
    return this.waitFor(`${css} to be shown`, async () => {
      const e = await this.find(css);
      return (await e.displayed()) ? e : null;
    }, ms);
  }

  byTestId(id, ms) {
    return this.el(`[data-testid="${id}"]`, ms);
  }

  /**
   * Clicks the element with this test id, or the label wrapping it (antd radios
   * hide their input), once it has stopped moving: a click computed while a
   * drawer still slides in lands on whatever slides under the pointer.
   */
  async clickTestId(id) {
    let last = null;
    await this.waitFor(`${id} to be clickable`, async () => {
      const found = await this.execute(
        `const e = document.querySelector('[data-testid="${id}"]');
         if (!e) return null;
         const target = e.offsetParent === null ? (e.closest('label') || e) : e;
         target.scrollIntoView({ block: 'center' });
         const r = target.getBoundingClientRect();
         return { target, at: [r.x, r.y, r.width, r.height].map(Math.round).join(',') };`,
      );
      if (!found) return false;
      const still = found.at === last;
      last = found.at;
      if (!still) return false;
      await new Element(this, found.target[ELEMENT]).click();
      return true;
    });
  }

  /** Types into the field with this test id; `replace` empties it first as a person would. */
  async typeInto(id, text, { replace = false } = {}) {
    const input = await this.byTestId(id);
    if (replace) {
      // WebDriver's clear() bypasses React's change tracking; select all and
      // delete as a person would (Ctrl+A, release, Backspace).
      await input.type('\uE009a\uE000\uE003');
    }
    await input.type(text);
  }

  /**
   * The page's text as the user sees it (innerText). WebKitWebDriver's element-text
   * call leaves out text that CSS may ellipsize, such as Ant Design's titles.
   */
  async bodyText() {
    return this.execute('return document.body.innerText');
  }

  /** The first element matching `css` whose text contains `text`, or null. */
  async findWithText(css, text) {
    const found = await this.execute(
      'return [...document.querySelectorAll(arguments[0])].find((e) => e.innerText.includes(arguments[1])) || null',
      [css, text],
    );
    return found ? new Element(this, found[ELEMENT]) : null;
  }

  /** The innerText of the first element matching `css`. */
  async textOf(css) {
    return this.execute('const e = document.querySelector(arguments[0]); return e ? e.innerText : null', [css]);
  }

  async waitForText(text, ms) {
    return this.waitFor(`"${text}" on the page`, async () => (await this.bodyText()).includes(text), ms);
  }

  /** Commands from now on go to the frame `element` (an iframe); `parent()` comes back. */
  async frame(element) {
    await this.cmd('POST', '/frame', { id: { [ELEMENT]: element.id } });
  }

  async parent() {
    await this.cmd('POST', '/frame/parent', {});
  }

  async execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Runs `script`, which calls its last argument with the result (for promises). */
  async executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  /** Presses keys as the owner would: WebDriver key values, e.g. '\uE004' for Tab. */
  /** Moves the pointer to (x, y) in the window, e.g. off a menu item whose tooltip it would keep open. */
  async pointTo(x, y) {
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x, y, origin: 'viewport' }] }],
    });
    await this.cmd('DELETE', '/actions');
  }

  async press(...keys) {
    const actions = keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /** Sets the window's outer size. */
  async resize(width, height) {
    await this.cmd('POST', '/window/rect', { width, height });
    await this.waitFor(`the window at ${width}×${height}`, async () =>
      this.execute('return Math.abs(window.outerWidth - arguments[0]) < 40', [width]));
  }

  /**
   * Saves a PNG of the app window. WebKitWebDriver's own screenshot call hangs under
   * Xvfb without a window manager, so the X server is asked instead (ImageMagick's
   * `import`), finding the window by its title.
   */
  async screenshot(path) {
    const { execFileSync } = await import('node:child_process');
    const title = await this.title();
    const grab = (window) => execFileSync('import', ['-window', window, path], { stdio: 'pipe', timeout: 10000 });
    // `import -window NAME` cannot find a name with non-ASCII letters (the em
    // dash in ours) and waits 10 s before failing: find the window's id instead.
    const tree = execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8', timeout: 10000 });
    const line = title ? tree.split('\n').find((l) => l.includes(`"${title}"`)) : undefined;
    grab(line ? line.trim().split(/\s+/)[0] : 'root');
  }
}

export class Element {
  constructor(session, id) {
    this.s = session;
    this.id = id;
  }

  cmd(method, path, body) {
    return this.s.cmd(method, `/element/${this.id}${path}`, body);
  }

  click() {
    return this.cmd('POST', '/click', {});
  }

  clear() {
    return this.cmd('POST', '/clear', {});
  }

  type(text) {
    return this.cmd('POST', '/value', { text });
  }

  text() {
    return this.cmd('GET', '/text');
  }

  value() {
    return this.cmd('GET', '/property/value');
  }

  displayed() {
    return this.cmd('GET', '/displayed');
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new Error(`${method} ${path}: ${v.error || res.status} ${v.message || ''}`.trim());
  }
  return json.value;
}
