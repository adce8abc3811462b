// Members and the till's orders in the real window: a member added at the
// counter with their consent, then a till's GBK export (tests/fixtures/
// till-orders-gbk.csv: a title, a totals row, an unreadable amount and an
// impossible date) imported through the import page — its preview naming the
// broken rows, one row unticked, committed, then undone. The shop speaks
// whichever language the files before left it in: checks read both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { axeViolations } from './axe.mjs';
import { Session } from './webdriver.mjs';

const APP = process.env.E2E_APP;
const SHOTS = process.env.E2E_ARTIFACTS;
let s;

before(async () => {
  s = await Session.start(APP);
  await s.ensureShop();
});
after(async () => {
  if (s) await s.end().catch(() => {});
});

const shot = (name) => s.screenshot(join(SHOTS, `${name}.png`));
const text = (testId) => s.execute(`return document.querySelector('[data-testid="${testId}"]')?.innerText ?? null`);

test('a member is added with how they agreed, and found by the last four digits of their phone', async () => {
  await s.clickTestId('nav-members');
  await s.clickTestId('member-new');
  await s.typeInto('member-name', 'Mrs Wang 王姐');
  await s.typeInto('member-phone', '+86 138 1234 5678');
  await s.clickTestId('member-marketing');
  await shot('90-member-form');
  await s.clickTestId('member-save');
  await s.byTestId('member-title');
  assert.match(await text('member-facts'), /13812345678/);
  assert.match(await text('member-consents'), /(Keeping their details|保管个人信息)/);
  await shot('91-member-page');
  await s.clickTestId('nav-members');
  await s.typeInto('member-search', '5678\uE007');
  await s.waitFor('the member found by the last four digits', async () => /138\*\*\*\*5678/.test((await s.bodyText()) ?? ''));
});

test("a till's GBK export: the preview names each broken row, one row is left out, the import is undone", async () => {
  await s.clickTestId('nav-members');
  await s.clickTestId('member-import');
  await s.byTestId('import-file');
  const input = await s.find('[data-testid="import-file"] input[type="file"]');
  await input.type(resolve('tests/fixtures/till-orders-gbk.csv'));
  const summary = await s.waitFor('the preview', async () => text('import-summary'));
  assert.match(summary, /(4 new · 0 already in · 2 with errors|新增 4 · 已导入 0 · 有错误 2)/);
  assert.match(await text('import-row-7'), /十二元/);
  assert.match(await text('import-row-9'), /2026-02-30/);
  // 王姐's number finds her: the sale is hers.
  assert.match(await text('import-row-4'), /Mrs Wang 王姐/);
  await s.waitFor('the buttons done', async () => s.execute(`return !document.querySelector('.ant-btn-loading')`));
  assert.deepEqual(await axeViolations(s), []);
  await shot('92-import-preview');

  await s.execute(`document.querySelector('[data-testid="import-row-6"] input[type="checkbox"]').click()`);
  await s.waitFor('three rows to import', async () => /(Import 3 rows|导入 3 行)/.test((await text('import-commit')) ?? ''));
  await s.clickTestId('import-commit');
  const batch = await s.waitFor('the import in the list', async () =>
    s.execute(`return document.querySelector('[data-testid^="import-batch-"]')?.innerText ?? null`));
  assert.match(batch, /till-orders-gbk\.csv/);
  assert.match(batch, /(3 imported|导入 3)/);
  await shot('93-import-committed');

  // Her page lists the sale the import brought.
  await s.clickTestId('nav-members');
  await s.execute(`[...document.querySelectorAll('[data-testid^="member-row-"] td')].find((td) => td.innerText.includes('Mrs Wang'))?.click()`);
  await s.waitFor('her imported purchase', async () => /68\.00/.test((await text('member-purchases')) ?? ''));

  await s.clickTestId('nav-members');
  await s.clickTestId('member-import');
  const undo = await s.waitFor('the undo button', async () =>
    s.execute(`return document.querySelector('[data-testid^="import-undo-"]')?.dataset.testid ?? null`));
  await s.clickTestId(undo);
  await s.waitFor('the confirmation', async () => s.execute(`return !!document.querySelector('.ant-popconfirm .ant-btn-primary')`));
  await s.execute(`document.querySelector('.ant-popconfirm .ant-btn-primary').click()`);
  await s.waitFor('the import undone', async () =>
    /(Undone|已撤销)/.test(await s.execute(`return document.querySelector('[data-testid^="import-batch-"]')?.innerText ?? ''`)));
  await shot('94-import-undone');
});
