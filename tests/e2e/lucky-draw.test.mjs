// A lucky draw in the real window: 30 members made with the CLI; the wizard
// clicked through (three prize kinds and a consolation voucher, the cost
// against the budget, the members of one community, the announcement in both
// languages); on the app's test clock the list frozen at its time and the
// commitments shown, then the draw run with the public value; the result
// checked by the CLI, by the independent Python script, and by the verifier
// page opened inside the window; a prize voucher redeemed at the counter
// counting in the draw's budget. The shop speaks whichever language the files
// before left it in: checks read both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from './axe.mjs';
import { answerSaveDialog } from './desktop.mjs';
import { Session } from './webdriver.mjs';

const APP = process.env.E2E_APP;
const CLI = process.env.E2E_CLI;
const SHOTS = process.env.E2E_ARTIFACTS;
const GROUP = 'Draw tea friends 抽奖群';
let s;
let drawId;

before(async () => {
  s = await Session.start(APP);
});
after(async () => {
  if (s) {
    await invoke('set_test_clock', { at: new Date().toISOString() }).catch(() => {});
    await s.end().catch(() => {});
  }
});

const shot = (name) => s.screenshot(join(SHOTS, `${name}.png`));
const cli = (...args) => JSON.parse(execFileSync(CLI, ['--json', ...args], { encoding: 'utf8' }));
const text = (testId) => s.execute(`return document.querySelector('[data-testid="${testId}"]')?.innerText ?? null`);
const invoke = (cmd, args = {}) =>
  s.execute('return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])', [cmd, args]);

/** "2026-12-05 22:00" in the shop's zone as an instant. */
function instant(local, zone) {
  const guess = Date.parse(`${local.replace(' ', 'T')}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
  return new Date(guess - (wall - guess));
}

/** Opens the draw's page afresh (the clock moved: what it offers changed). */
async function openDraw() {
  await s.clickTestId('nav-campaigns');
  await s.clickTestId(`campaign-draw-${drawId}`);
  await s.byTestId('draw-title');
}

async function confirm() {
  await s.waitFor('the confirmation', async () =>
    s.execute(`const b = document.querySelector('.ant-popover:not(.ant-popover-hidden) .ant-btn-primary'); b && b.click(); return !!b`));
}

test('thirty members of one community, with marketing consent', async () => {
  await s.ensureShop();
  const group = cli('community', 'add', '--name', GROUP, '--kind', 'high-frequency');
  for (let i = 1; i <= 30; i++) {
    cli('member', 'add', '--name', `抽奖会员${i}`, '--phone', `139${String(70000000 + i).padStart(8, '0')}`, '--community', String(group.id), '--marketing-consent');
  }
});

test('the draw wizard: three prize kinds within budget, one community, the announcement, one click', async () => {
  await s.clickTestId('nav-campaigns');
  await s.clickTestId('campaign-new');
  await s.clickTestId('campaign-pick-draw');
  await s.byTestId('draw-title');

  // Prizes: a tea set, five ¥30 vouchers, ten tea samples; ¥5 for everyone else.
  await s.typeInto('draw-prize-name-0', 'Tea set 茶具');
  await s.typeInto('draw-prize-value-0', '299');
  await s.typeInto('draw-prize-cost-0', '150');
  await s.clickTestId('draw-prize-add');
  await s.typeInto('draw-prize-name-1', '¥30 off 代金券');
  await s.typeInto('draw-prize-quantity-1', '5', { replace: true });
  await s.typeInto('draw-prize-value-1', '30');
  await s.clickTestId('draw-prize-add');
  await s.typeInto('draw-prize-name-2', 'Tea sample 茶样');
  await s.typeInto('draw-prize-quantity-2', '10', { replace: true });
  await s.typeInto('draw-prize-value-2', '8');
  await s.typeInto('draw-prize-cost-2', '3');
  // A budget below what everything claimed costs is refused at the plan.
  await s.typeInto('draw-budget', '100');
  await s.byTestId('check-budget');
  await s.typeInto('draw-budget', '5000', { replace: true });
  await s.waitFor('the cost within budget', async () => !(await text('check-budget')) && /¥5,?000/.test((await text('draw-cost')) ?? ''));
  await shot('90-draw-prizes');
  assert.deepEqual(await axeViolations(s), []);
  await s.clickTestId('draw-next');

  // Who: this community's members only (the others' tags removed), everyone with consent.
  await s.byTestId('draw-communities');
  await s.waitFor('only the draw group chosen', async () =>
    s.execute(`
      const tags = [...document.querySelectorAll('[data-testid="draw-communities"] .ant-select-selection-item')];
      const other = tags.find((t) => !t.innerText.includes(arguments[0]));
      if (other) { other.querySelector('.ant-select-selection-item-remove').click(); return false; }
      return tags.length === 1;`, [GROUP]));
  await s.waitFor('thirty entrants', async () => /\b30\b/.test((await text('draw-entrants')) ?? ''));
  await shot('91-draw-who');
  assert.deepEqual(await axeViolations(s), []);
  await s.clickTestId('draw-next');

  // When: the method's defaults (the list freezes a week on at 22:00, the draw the next evening).
  await s.typeInto('draw-contact', '021-5555 0000');
  await shot('92-draw-when');
  assert.deepEqual(await axeViolations(s), []);
  await s.clickTestId('draw-next');

  await s.byTestId('draw-announcement-zh');
  const zh = await text('draw-announcement-zh');
  assert.match(zh, /茶具.*价值¥299.*×1/);
  assert.match(zh, /^【抽奖：Draw tea friends/);
  assert.match(zh, /(上证指数|Shanghai Composite)/);
  assert.match(zh, /逾期视为弃奖/);
  // The public number's name is the owner's words (proposed in the shop's language).
  assert.match(await text('draw-announcement-en'), /(Shanghai Composite|上证指数)/);
  await shot('93-draw-announcement');
  await s.clickTestId('draw-next');

  await s.byTestId('draw-review');
  await s.byTestId('draw-all-clear');
  await shot('94-draw-review');
  drawId = cli('campaign', 'list', '--status', 'draft').find((c) => c.kind === 'draw').id;
  await s.clickTestId('draw-finish');
  await s.waitFor('the draw listed', async () => (await text(`campaign-draw-${drawId}`)) !== null);
  // Its one session is the draw's evening: scheduled until then.
  assert.equal(cli('campaign', 'show', String(drawId)).status, 'scheduled');
});

test('at its times the list freezes and the draw runs; anyone can check the result', async () => {
  const zone = (await invoke('app_info')).shop.time_zone;
  const planned = cli('draw', 'show', String(drawId));
  await openDraw();
  assert.equal(await s.execute(`return document.querySelector('[data-testid="draw-freeze"]').disabled`), true, 'not before its time');

  // The freeze time has come.
  await invoke('set_test_clock', { at: new Date(instant(planned.freeze_at, zone).getTime() + 60_000).toISOString() });
  await openDraw();
  await s.clickTestId('draw-freeze');
  await confirm();
  await s.byTestId('draw-commitments');
  const frozen = cli('draw', 'show', String(drawId));
  assert.equal(frozen.entrants, 30);
  assert.equal(await text('draw-list-hash'), frozen.list_sha256);
  assert.equal(await text('draw-seed-hash'), frozen.seed_sha256);
  assert.ok((await text('draw-commitment-post')).includes(frozen.list_sha256));
  await shot('95-draw-frozen');
  assert.deepEqual(await axeViolations(s), []);

  // The draw time has come: the public value typed, the draw run once.
  await invoke('set_test_clock', { at: new Date(instant(planned.draw_at, zone).getTime() + 60_000).toISOString() });
  await openDraw();
  await s.clickTestId('draw-run');
  await confirm();
  // Nothing typed: refused at the box, nothing drawn.
  assert.match(await s.waitFor('the empty value refused', async () => s.execute(`return document.querySelector('.ant-form-item-explain-error')?.innerText ?? null`)), /(public value|公开数值)/);
  assert.equal(cli('draw', 'show', String(drawId)).public_value, null);
  await s.typeInto('draw-public-value', '3391.45');
  await s.clickTestId('draw-run');
  await confirm();
  await s.byTestId('draw-result-post');
  assert.match(await text('draw-result-post'), /3391\.45/);
  const drawn = cli('draw', 'show', String(drawId));
  assert.deepEqual(
    [1, 2, 3, 0].map((rank) => drawn.winners.filter((w) => w.rank === rank).length),
    [1, 5, 10, 14],
    'exactly the urn: 1, 5 and 10 prizes, 14 consolation vouchers',
  );
  await shot('96-draw-result');
  assert.deepEqual(await axeViolations(s), []);

  // The verification file, saved as the owner saves it, checks out by the CLI and by Python.
  const dir = mkdtempSync(join(tmpdir(), 'draw-'));
  const file = join(dir, 'draw.json');
  await s.clickTestId('draw-save-file');
  answerSaveDialog('^(保存验证文件|Save the verification file)$', file);
  await s.waitFor('the file saved', async () => { try { return JSON.parse(readFileSync(file, 'utf8')).result.length === 30; } catch { return false; } }, 30000);
  assert.equal(cli('draw', 'verify', file).matches, true);
  assert.match(execFileSync('python3', [join(process.cwd(), 'tests/draw/verify.py'), file], { encoding: 'utf8' }), /^OK/);

  // The verifier page, opened inside the window, recomputes it and agrees.
  await s.clickTestId('draw-check');
  const frame = await s.el('[data-testid="draw-check-frame"]', 15000);
  await s.frame(frame);
  try {
    const verdict = await s.waitFor('the page\'s verdict', async () =>
      s.execute(`return document.getElementById('verdict')?.dataset.matches ?? null`), 15000);
    assert.equal(verdict, 'true');
    assert.equal(await s.execute(`return document.querySelectorAll('#rows tr').length`), 30);
  } finally {
    await s.parent();
  }
  await shot('97-draw-check');
  await s.press('\uE00C'); // Escape closes the check.
});

test('a prize voucher redeems at the counter and counts in the draw\'s budget', async () => {
  const drawn = cli('draw', 'show', String(drawId));
  const top = drawn.winners.find((w) => w.rank === 1);
  // At the counter, on the draw's evening (the app's clock): handed over in the winner's name.
  await s.clickTestId('nav-counter');
  await s.typeInto('counter-input', `${top.code}\uE007`);
  await s.waitFor('the prize redeemed', async () =>
    (await s.execute(`return document.querySelector('[data-testid="counter-answer"]')?.dataset.status`)) === 'redeemed');
  assert.match(await text('counter-answer'), /抽奖会员\d+/);
  await s.clickTestId('counter-exit');
  await openDraw();
  await s.waitFor('the tea set\'s cost spent', async () => /¥150(\.00)?/.test((await text('draw-budget')) ?? ''));
  assert.match(await text('draw-claims-1'), /(1 won, 1 claimed|中奖 1，已兑 1)/);
  assert.match(await text('draw-claims-0'), /(14 won, 0 claimed|中奖 14，已兑 0)/);
  await shot('98-draw-spent');
});

test('cancelling a drawn draw keeps every winner\'s voucher, and takes its reminders away', async () => {
  await invoke('set_test_clock', { at: new Date().toISOString() });
  await s.clickTestId('nav-campaigns');
  await s.clickTestId(`campaign-cancel-${drawId}`);
  await s.typeInto('campaign-cancel-reason', 'Shop closed for the holidays');
  await s.clickTestId('campaign-cancel-confirm');
  await s.waitFor('the draw cancelled', async () => cli('campaign', 'show', String(drawId)).status === 'cancelled');
  const drawn = cli('draw', 'show', String(drawId));
  assert.equal(drawn.winners.length, 30, 'the result stands');
  // Its vouchers are named to their winners: none is voided.
  const batches = cli('voucher', 'list').filter((b) => b.name.includes('Draw tea friends'));
  assert.equal(batches.length, 4);
  assert.deepEqual(batches.map((b) => b.stats.voided), [0, 0, 0, 0]);
  assert.equal(batches.reduce((n, b) => n + b.stats.issued, 0), 30);
});
