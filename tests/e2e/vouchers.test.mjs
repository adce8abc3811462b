// Gifts and vouchers in the real app window: add a gift, issue a batch of
// vouchers for it, open the counter, and answer what a clerk types: a good
// code, the same code again, a typo, a code from another shop, one not yet
// valid, one voided, one below its minimum spend; then undo a redemption.
// Codes for the odd cases are issued by the CLI on the same database file,
// as a second process would, while the app is open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from './webdriver.mjs';

const APP = process.env.E2E_APP;
const CLI = process.env.E2E_CLI;
const SHOTS = process.env.E2E_ARTIFACTS;
const GIFT = 'Osmanthus tea bags 桂花茶包';
let s;

before(async () => {
  s = await Session.start(APP);
});
after(async () => {
  if (s) await s.end().catch(() => {});
});

const shot = (name) => s.screenshot(join(SHOTS, `${name}.png`));

/** Runs the CLI on the app's database (SHOPCIRCLE_DB) and returns its JSON answer. */
function cli(...args) {
  return JSON.parse(execFileSync(CLI, ['--json', ...args], { encoding: 'utf8' }));
}

/** The catalogue row of the gift, as the owner reads it. */
function giftRowText() {
  return s.execute(
    `return [...document.querySelectorAll('[data-testid^="gift-row-"]')].find((e) => e.innerText.includes(arguments[0]))?.innerText ?? null`,
    [GIFT],
  );
}

/** Types a code into the counter as a USB scanner does (the code, then Enter) and waits for its answer. */
async function scan(code, status, focus = 'counter-input') {
  await s.typeInto('counter-input', `${code}\uE007`);
  await s.waitFor(`the counter to answer "${status}" to ${code}`, async () =>
    (await s.execute(
      `const a = document.querySelector('[data-testid="counter-answer"]');
       return a && a.dataset.status === arguments[0] && a.innerText.includes(arguments[1]) ? true : null`,
      [status, status === 'mistyped' || status === 'not_ours' ? '' : code.toUpperCase()],
    )));
  // Ready for the next code: empty, and focused (or, when the voucher needs a
  // minimum spend, the spend box is, for the amount). The focus moves on the
  // next frame after the answer is painted, so it is awaited, not sampled.
  await s.waitFor(`the focus on ${focus}`, async () =>
    (await s.execute('return document.activeElement?.dataset?.testid ?? null')) === focus);
  assert.equal(await s.execute('return document.querySelector(\'[data-testid="counter-input"]\').value'), '');
  return s.textOf('[data-testid="counter-answer"]');
}

test('the shop is set up (or was, by the journey before)', async () => {
  await s.ensureShop();
});

test('add a gift to the catalogue', async () => {
  await s.clickTestId('nav-gifts');
  await s.clickTestId('gift-add');
  await s.typeInto('gift-name', GIFT);
  await s.clickTestId('gift-kind-drainage');
  await s.typeInto('gift-cost', '3.5');
  await s.typeInto('gift-value', '15');
  await s.typeInto('gift-stock', '4', { replace: true });
  await shot('20-gift-form');
  await s.clickTestId('gift-save');
  const text = await s.waitFor('the gift in the catalogue', giftRowText);
  assert.match(text, /3\.50/);
  assert.match(text, /15\.00/);
  await shot('21-gifts');
});

let codes;

test('issue a batch of vouchers for the gift', async () => {
  await s.clickTestId('nav-vouchers');
  await shot('22-vouchers-empty');
  await s.clickTestId('voucher-issue');
  await s.clickTestId('voucher-benefit-gift');
  await shot('23-issue-form');
  // The catalogue's first gift is chosen already; the owner checks it is the one.
  await s.waitFor('the gift chosen in the form', async () =>
    (await s.textOf('[data-testid="voucher-gift"]'))?.includes(GIFT));
  await s.typeInto('voucher-count', '12', { replace: true });
  await s.clickTestId('voucher-issue-submit');
  await s.byTestId('batch-detail', 30000);
  codes = await s.waitFor('twelve codes in the list', async () => {
    const all = await s.execute(
      'return [...document.querySelectorAll(\'[data-testid="voucher-code"]\')].map((e) => e.innerText.trim())',
    );
    return all.length === 12 ? all : null;
  });
  assert.ok(codes.every((c) => /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/.test(c)), codes.join(' '));
  // The card preview is drawn by the backend from the batch: its code is one of them.
  const previewCode = await s.waitFor('the card preview', () =>
    s.execute('const i = document.querySelector(\'[data-testid="voucher-preview"]\'); return i && i.complete && i.naturalWidth > 0 ? i.dataset.code : null'));
  assert.ok(codes.includes(previewCode), previewCode);
  await shot('23-batch-detail');
});

test('the counter redeems a code once, names a typo, and tells codes apart', async () => {
  await s.clickTestId('nav-counter');
  await s.byTestId('counter-input');
  await shot('24-counter-ready');

  const redeemed = await scan(codes[0], 'redeemed');
  assert.ok(redeemed.includes(GIFT), redeemed);
  await shot('25-counter-redeemed');

  const again = await scan(codes[0].toLowerCase(), 'already_redeemed');
  assert.ok(again.includes(codes[0]), again);
  await shot('26-counter-already-redeemed');

  // One character changed: the 7th symbol (the 8th character, past a hyphen).
  const chars = [...codes[1]];
  chars[7] = chars[7] === '7' ? '8' : '7';
  const typo = await scan(chars.join(''), 'mistyped');
  assert.match(typo, /\b7\b/);
  await shot('27-counter-typo');

  // A voucher of another shop: its own database, made as a user makes one.
  const other = join(mkdtempSync(join(tmpdir(), 'other-shop-')), 'other.db');
  cli('--db', other, 'init');
  const foreign = cli('--db', other, 'voucher', 'issue', '--amount-off', '5', '--count', '1', '--valid-until', '2099-12-31').codes[0];
  await scan(foreign, 'not_ours');
  await shot('28-counter-not-ours');

  const later = cli('voucher', 'issue', '--percent-off', '10', '--count', '1', '--valid-from', '2099-01-01', '--valid-until', '2099-12-31').codes[0];
  await scan(later, 'not_yet_valid');
  await shot('29-counter-not-yet-valid');

  const voided = cli('voucher', 'issue', '--amount-off', '8', '--count', '1', '--valid-until', '2099-12-31').codes[0];
  cli('voucher', 'void', '--code', voided, '--reason', 'Lost by the customer');
  const voidAnswer = await scan(voided, 'voided');
  assert.ok(voidAnswer.includes('Lost by the customer'), voidAnswer);
  await shot('30-counter-voided');

  const minimum = cli('voucher', 'issue', '--amount-off', '10', '--count', '1', '--min-spend', '50', '--valid-until', '2099-12-31').codes[0];
  await scan(minimum, 'below_minimum', 'counter-spend');
  await shot('31-counter-below-minimum');
  await s.typeInto('counter-spend', '68\uE007');
  await s.waitFor('the voucher redeemed with the spend', async () =>
    (await s.execute('return document.querySelector(\'[data-testid="counter-answer"]\')?.dataset.status')) === 'redeemed');
});

test('the last redemption is undone with a reason and the code works again', async () => {
  await scan(codes[2], 'redeemed');
  await s.clickTestId('counter-undo');
  await s.typeInto('counter-undo-reason', 'Scanned the wrong card');
  await shot('32-counter-undo');
  await s.clickTestId('counter-undo-confirm');
  await s.waitFor('the undo shown', async () =>
    (await s.execute('return document.querySelector(\'[data-testid="counter-answer"]\')?.dataset.status')) === 'undone');
  await s.waitFor('the input focused again', async () =>
    (await s.execute('return document.activeElement?.dataset?.testid ?? null')) === 'counter-input');
  await scan(codes[2], 'redeemed');
  // The catalogue's history says why the stock moved: 4 - 3 redeemed + 1 undone = 2 left.
  await s.clickTestId('counter-exit');
  await s.clickTestId('nav-gifts');
  const stock = await s.waitFor('the gift row', () => s.execute(
    `const row = [...document.querySelectorAll('[data-testid^="gift-row-"]')].find((e) => e.innerText.includes(arguments[0]));
     return row?.querySelector('[data-testid="gift-row-stock"]')?.innerText ?? null`,
    [GIFT],
  ));
  assert.equal(stock.trim(), '2');
  await shot('33-gifts-after-counter');
  // Two left, under the warning level: the home screen says so.
  await s.clickTestId('nav-communities');
  await s.waitFor('the low-stock warning on the home screen', async () =>
    (await s.textOf('[data-testid="low-stock-watch"]'))?.includes(GIFT));
  await shot('33-home-low-stock');
  // The batch's counter log shows the undo and its reason.
  await s.clickTestId('nav-vouchers');
  const cell = await s.waitFor('the batch in the list', () => s.findWithText('[data-testid^="batch-row-"] td', GIFT));
  await cell.click();
  await s.waitFor('the undo in the counter log', async () =>
    (await s.textOf('[data-testid="counter-log"]'))?.includes('Scanned the wrong card'));
  await s.execute(`document.querySelector('[data-testid="counter-log"]').scrollIntoView({ block: 'center' })`);
  await shot('34-counter-log');
});
