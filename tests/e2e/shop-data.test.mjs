// The shop's data kept safe, in the real window: a backup made with "Back up
// now", the data changed, the backup restored (the later change gone, the
// window showing the earlier shop), the restore undone (the change back); and
// the whole shop exported with a passphrase through the save dialog, which
// the CLI then imports as a new laptop would, its voucher redeeming there.
// Restore and undo leave the shop as the files before left it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations } from './axe.mjs';
import { answerSaveDialog } from './desktop.mjs';
import { Session } from './webdriver.mjs';

const APP = process.env.E2E_APP;
const CLI = process.env.E2E_CLI;
const SHOTS = process.env.E2E_ARTIFACTS;
const KEPT = 'Kept tea 备份前的群';
const LATER = 'Added after the backup 备份后的群';
let s;
let manual;

before(async () => {
  s = await Session.start(APP);
});
after(async () => {
  if (s) await s.end().catch(() => {});
});

const shot = (name) => s.screenshot(join(SHOTS, `${name}.png`));
const cli = (...args) => JSON.parse(execFileSync(CLI, ['--json', ...args], { encoding: 'utf8' }));
const communities = () => cli('community', 'list').map((c) => c.name);
const shown = (text) => s.execute(`return document.body.innerText.includes(arguments[0])`, [text]);

test('Back up now makes a backup that the list shows with what it holds', async () => {
  await s.ensureShop();
  cli('community', 'add', '--name', KEPT, '--kind', 'high-frequency');
  await s.clickTestId('nav-settings');
  await s.byTestId('data-settings');
  const before = cli('backup', 'list').length;
  await s.clickTestId('back-up-now');
  const list = await s.waitFor('the new backup listed', async () => {
    const l = cli('backup', 'list');
    return l.length > before ? l : false;
  });
  manual = list.find((b) => b.manifest.reason === 'manual');
  assert.ok(manual, 'a manual backup');
  assert.equal(manual.manifest.counts.communities, communities().length);
  cli('backup', 'verify', manual.path);
  await s.waitFor('the row shown', async () =>
    s.execute(`return !!document.querySelector('[data-path="${manual.path}"]')`));
  await shot('120-data-settings');
  assert.deepEqual(await axeViolations(s), []);
});

test('restoring it brings the earlier shop back into the open window', async () => {
  cli('community', 'add', '--name', LATER, '--kind', 'high-frequency');
  assert.ok(communities().includes(LATER));
  const index = await s.execute(`return document.querySelector('[data-path="${manual.path}"]').dataset.testid.slice('backup-'.length)`);
  await s.clickTestId(`restore-${index}`);
  await s.byTestId('restore-confirm');
  await shot('121-restore-confirm');
  assert.deepEqual(await axeViolations(s, '.ant-modal-confirm'), []);
  await s.clickTestId('restore-confirm');
  await s.byTestId('restored');
  await shot('122-restored');
  assert.deepEqual(await axeViolations(s, '.ant-modal'), []);
  const now = communities();
  assert.ok(now.includes(KEPT) && !now.includes(LATER), now.join(', '));
  await s.clickTestId('restore-done');
  await s.clickTestId('nav-communities');
  await s.waitFor('the restored communities shown', async () => (await shown(KEPT)) && !(await shown(LATER)));
});

test('the restore is undone from its own backup, and the change is back', async () => {
  await s.clickTestId('nav-settings');
  const undo = cli('backup', 'list').find((b) => b.manifest.reason === 'before_restore');
  assert.ok(undo, 'the data before the restore was backed up');
  const index = await s.waitFor('the before-restore row', async () =>
    s.execute(`return document.querySelector('[data-path="${undo.path}"]')?.dataset.testid.slice('backup-'.length) ?? false`));
  await s.clickTestId(`restore-${index}`);
  await s.clickTestId('restore-confirm');
  await s.byTestId('restored');
  assert.ok(communities().includes(LATER));
  await s.clickTestId('restore-done');
  await s.clickTestId('nav-communities');
  await s.waitFor('the later community shown again', async () => shown(LATER));
});

test('the whole shop leaves in a passphrase-locked file that a new laptop opens', async () => {
  // Money off, not a gift: the files after this one expect the catalogue they left.
  const codes = cli('voucher', 'issue', '--amount-off', '5', '--count', '1', '--valid-until', '2099-12-31').codes;
  await s.clickTestId('nav-settings');
  await s.clickTestId('export-shop');
  await s.typeInto('export-passphrase', 'tea house 2026');
  await s.typeInto('export-passphrase-again', 'tea house 2026');
  await shot('123-export-shop');
  assert.deepEqual(await axeViolations(s, '.ant-modal'), []);
  const dir = mkdtempSync(join(tmpdir(), 'whole-shop-'));
  const file = join(dir, 'shop.shopcircle');
  await s.execute(`[...document.querySelectorAll('.ant-modal .ant-btn-primary')].pop().click()`);
  answerSaveDialog('^(导出整个店铺|Export the whole shop)$', file);
  await s.waitFor('the file written', async () => existsSync(file), 60000);
  const pass = join(dir, 'pass.txt');
  writeFileSync(pass, 'tea house 2026\n');
  const laptop = join(dir, 'new-laptop.db');
  execFileSync(CLI, ['--db', laptop, 'import', 'shop', file, '--passphrase-file', pass]);
  const there = JSON.parse(execFileSync(CLI, ['--db', laptop, '--json', 'voucher', 'redeem', codes[0]], { encoding: 'utf8' }));
  assert.equal(there.status, 'redeemed');
});
