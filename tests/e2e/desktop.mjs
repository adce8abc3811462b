// What the end-to-end tests do on the desktop around the window, as a person
// would: answer the system's (GTK) save dialog.
import { execFileSync } from 'node:child_process';

const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The windows whose title matches `title`, newest last; none yet is an empty list. */
function windowsNamed(title) {
  try {
    return execFileSync('xdotool', ['search', '--name', title], { encoding: 'utf8', stdio: 'pipe' }).trim().split('\n');
  } catch {
    return [];
  }
}

/** Whether the keyboard focus is on `win` at two looks 100 ms apart, within 5 s. */
function focusSettles(win) {
  const deadline = Date.now() + 5000;
  let before = '';
  while (Date.now() < deadline) {
    let now = '';
    try {
      now = execFileSync('xdotool', ['getwindowfocus'], { encoding: 'utf8', stdio: 'pipe' }).trim();
    } catch {
      now = '';
    }
    if (now === win && before === win) return true;
    before = now;
    pause(100);
  }
  return false;
}

/** Finds the save dialog whose title matches `title` (a regular expression for
 * xdotool), types `path` into it and presses Enter. GTK may keep an earlier
 * dialog of the same title, unmapped, which cannot take the focus (BadMatch):
 * the dialog to answer is the one that takes it, polled until it shows. */
export function answerSaveDialog(title, path) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    for (const win of windowsNamed(title).reverse()) {
      try {
        execFileSync('xdotool', ['windowfocus', '--sync', win], { stdio: 'pipe', timeout: 5000 });
      } catch {
        continue;
      }
      // Focused is not yet ready: a loaded machine maps the dialog before its
      // name box takes keys. Type only once the focus has stayed on it.
      if (!focusSettles(win)) continue;
      execFileSync('xdotool', ['key', '--window', win, 'ctrl+a']);
      // A character missing from the keymap (Chinese) is typed through a key
      // xdotool remaps for it; read after the next remap, it turns into the
      // next character ("早茶会员群" → "早会群群" on a loaded machine). A longer
      // gap between keys lets the dialog read each before the next remap.
      execFileSync('xdotool', ['type', '--window', win, '--delay', /^[\x20-\x7e]*$/.test(path) ? '12' : '150', path]);
      execFileSync('xdotool', ['key', '--window', win, 'Return']);
      return;
    }
    pause(100);
  }
  throw new Error(`no save dialog "${title}" took the focus within 30 s`);
}
