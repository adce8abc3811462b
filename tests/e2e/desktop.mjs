// What the end-to-end tests do on the desktop around the window, as a person
// would: answer the system's (GTK) save dialog.
import { execFileSync } from 'node:child_process';

/** Finds the save dialog whose title matches `title` (a regular expression for
 * xdotool), types `path` into it and presses Enter. */
export function answerSaveDialog(title, path) {
  // Only a visible one: GTK may keep an earlier dialog of the same title, unmapped.
  const found = execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--name', title], {
    encoding: 'utf8',
    timeout: 30000,
  });
  const win = found.trim().split('\n')[0];
  execFileSync('xdotool', ['windowfocus', '--sync', win]);
  execFileSync('xdotool', ['key', '--window', win, 'ctrl+a']);
  execFileSync('xdotool', ['type', '--window', win, path]);
  execFileSync('xdotool', ['key', '--window', win, 'Return']);
}
