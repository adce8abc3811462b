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
      execFileSync('xdotool', ['key', '--window', win, 'ctrl+a']);
      execFileSync('xdotool', ['type', '--window', win, path]);
      execFileSync('xdotool', ['key', '--window', win, 'Return']);
      return;
    }
    pause(100);
  }
  throw new Error(`no save dialog "${title}" took the focus within 30 s`);
}
