// An alliance in the real window: a neighbouring bakery added as a partner
// store of a community (with the CLI); the wizard clicked through (the
// community and the partner chosen, ¥10 off on ¥30, the announcement in both
// languages); one of the bakery's vouchers redeemed at the counter, which
// shows where it came from; the alliance's page counting it, and the month's
// settlement saved as a PDF through the save dialog, with the fee owed. The
// shop speaks whichever language the files before left it in: checks read both.
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
const GROUP = 'Alliance tea friends 联盟群';
const BAKERY = 'Next Door Bakery 隔壁面包店';
let s;
let partnerId;
let allianceId;

before(async () => {
  s = await Session.start(APP);
});
after(async () => {
  if (s) await s.end().catch(() => {});
});

const shot = (name) => s.screenshot(join(SHOTS, `${name}.png`));
const cli = (...args) => JSON.parse(execFileSync(CLI, ['--json', ...args], { encoding: 'utf8' }));
const text = (testId) => s.execute(`return document.querySelector('[data-testid="${testId}"]')?.innerText ?? null`);
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const pick = (label) =>
  s.waitFor(`${label} picked`, async () =>
    s.execute(`const o = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')]
      .find((e) => e.innerText.includes(arguments[0])); o && o.click(); return !!o`, [label]));

test('a bakery next door becomes a partner store of the group', async () => {
  await s.ensureShop();
  const group = cli('community', 'add', '--name', GROUP, '--kind', 'high-frequency');
  partnerId = cli('partner', 'add', '--community', String(group.id), '--name', BAKERY, '--business', 'bakery 面包店',
    '--contact', 'Mr Wang 139 0000 1111', '--from', day(-2), '--to', day(120), '--fee', '2').id;
});

test('the alliance wizard: the community and the bakery, ¥10 off on ¥30, one click', async () => {
  await s.clickTestId('nav-campaigns');
  await s.clickTestId('campaign-new');
  await s.clickTestId('campaign-pick-alliance');
  await s.byTestId('alliance-title');
  await s.clickTestId('alliance-community');
  await pick(GROUP);
  await s.clickTestId('alliance-partners');
  await pick(BAKERY);
  await s.press('\uE00C'); // Escape closes the list.
  await s.waitFor('the list closed', async () => s.execute(`return !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')`));
  await shot('110-alliance-partners');
  assert.deepEqual(await axeViolations(s), []);
  await s.clickTestId('alliance-next');

  await s.byTestId('alliance-amount');
  await shot('111-alliance-vouchers');
  assert.deepEqual(await axeViolations(s), []);
  await s.clickTestId('alliance-next');

  const zh = await s.waitFor('the Chinese announcement', async () => text('alliance-announcement-zh'));
  assert.match(zh, /隔壁面包店/);
  assert.match(await text('alliance-announcement-en'), /Next Door Bakery/);
  await s.clickTestId('alliance-next');
  await s.byTestId('alliance-review');
  await s.byTestId('alliance-all-clear');
  await shot('112-alliance-review');
  allianceId = cli('campaign', 'list', '--status', 'draft').find((c) => c.kind === 'alliance').id;
  await s.clickTestId('alliance-finish');
  await s.waitFor('the alliance listed', async () => (await text(`campaign-alliance-${allianceId}`)) !== null);
});

test('at the counter a bakery voucher shows where it came from, and is redeemed with the spend', async () => {
  const shown = cli('alliance', 'show', String(allianceId));
  const batch = shown.partners[0].batch_id;
  assert.equal(shown.partners[0].handed_over, 50);
  const dir = mkdtempSync(join(tmpdir(), 'alliance-'));
  const csv = join(dir, 'codes.csv');
  execFileSync(CLI, ['voucher', 'csv', '--batch', String(batch), '--out', csv]);
  const code = readFileSync(csv, 'utf8').split('\n')[1].split(',')[0].replace(/^\uFEFF/, '');

  await s.clickTestId('nav-counter');
  await s.typeInto('counter-input', `${code}\uE007`);
  // ¥30 or more: the counter asks what the customer spends.
  await s.waitFor('the spend asked', async () =>
    (await s.execute(`return document.querySelector('[data-testid="counter-answer"]')?.dataset.status`)) === 'below_minimum');
  assert.match(await text('counter-answer'), /(隔壁面包店|Next Door Bakery)/);
  await s.typeInto('counter-spend', '48\uE007');
  await s.waitFor('the voucher redeemed', async () =>
    (await s.execute(`return document.querySelector('[data-testid="counter-answer"]')?.dataset.status`)) === 'redeemed');
  assert.match(await text('counter-answer'), /(来自|From )Next Door Bakery/);
  await shot('113-alliance-counter');
  await s.clickTestId('counter-exit');
});

test('the alliance\'s page counts it, and the month\'s settlement is saved as a PDF', async () => {
  await s.clickTestId('nav-campaigns');
  await s.clickTestId(`campaign-alliance-${allianceId}`);
  await s.byTestId('alliance-title');
  await s.waitFor('one voucher redeemed', async () => (await text(`alliance-redeemed-${partnerId}`)) === '1');
  await shot('114-alliance-page');
  assert.deepEqual(await axeViolations(s), []);
  const file = join(mkdtempSync(join(tmpdir(), 'settlement-')), 'settlement.pdf');
  await s.clickTestId(`alliance-settlement-pdf-${partnerId}`);
  answerSaveDialog('^(保存结算单|Save the settlement)$', file);
  await s.waitFor('the sheet saved', async () => { try { return readFileSync(file).subarray(0, 4).toString() === '%PDF'; } catch { return false; } }, 30000);
  const month = (await s.execute('return window.__TAURI_INTERNALS__.invoke("shop_today")')).slice(0, 7);
  const sheet = cli('partner', 'settlement', String(partnerId), '--month', month, '--out', join(tmpdir(), `settlement-${Date.now()}.csv`));
  assert.deepEqual([sheet.handed_over, sheet.redeemed, sheet.fee_cents], [50, 1, 200]);
});
