// Members and the till's orders in the real window: a member added at the
// counter with their consent, then a till's GBK export (tests/fixtures/
// till-orders-gbk.csv: a title, a totals row, an unreadable amount and an
// impossible date) imported through the import page — its preview naming the
// broken rows, one row unticked, committed, then undone — and the dashboard
// in between: the member chart moving when she joins a community, the funnel
// when her imported purchase arrives, her RFM segment opening the member list
// with her in it, the funnel falling back when the import is undone. The app's
// test clock holds 31 October 2026 (before the till's orders) while she joins,
// then 4 November. The shop speaks whichever language the files before left
// it in: checks read both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { axeViolations } from './axe.mjs';
import { Session } from './webdriver.mjs';

const APP = process.env.E2E_APP;
const SHOTS = process.env.E2E_ARTIFACTS;
let s;

const invoke = (cmd, args = {}) =>
  s.execute('return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])', [cmd, args]);

before(async () => {
  s = await Session.start(APP);
  await s.ensureShop();
  // 10:00 on 31 October 2026 in Shanghai: before the fixture's orders (1–3 November).
  await invoke('set_test_clock', { at: '2026-10-31T02:00:00Z' });
});
after(async () => {
  if (s) {
    await invoke('set_test_clock', { at: new Date().toISOString() }).catch(() => {});
    await s.end().catch(() => {});
  }
});

/** The dashboard's figures as the window shows them (the default: the last 30 days, every community). */
async function dashboardFigures() {
  // Through another page, so the dashboard opens afresh (today by the app's clock included).
  await s.clickTestId('nav-members');
  await s.byTestId('member-new');
  await s.clickTestId('nav-dashboard');
  await s.byTestId('dashboard-funnel');
  await s.waitFor('the figures loaded', async () => s.execute(`return !document.querySelector('.ant-spin-spinning')`));
  return s.execute(`
    const count = (step) => Number((document.querySelector('[data-testid="funnel-' + step + '"]')?.innerText.match(/: (\\d+)/) ?? [])[1]);
    const chart = document.querySelector('[data-testid="members-over-time"]');
    return { joined: count('joined'), bought: count('bought'), total: chart ? Number(chart.dataset.total) : 0,
             sales: document.querySelector('[data-testid="kpi-sales_cents"] .ant-statistic-content')?.innerText ?? '' };`);
}

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
  // She joins a community (on 31 October): the member chart counts her.
  const before = await dashboardFigures();
  const wang = (await invoke('list_members', { filter: { search: '5678' } })).rows[0];
  const group = await invoke('create_community', { input: { name: '会员日测试群', kind: 'high_frequency' } });
  await invoke('join_member_community', { id: wang.id, join: { community_id: group.id, channel_id: null, staff_id: null } });
  await invoke('set_test_clock', { at: '2026-11-04T02:00:00Z' });
  const joined = await s.waitFor('the chart with her', async () => {
    const f = await dashboardFigures();
    return f.total === before.total + 1 && f.joined === before.joined + 1 ? f : null;
  });
  await shot('95-dashboard-before-import');

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

  // Her purchase of 1 November, 1 day after joining: the funnel's "bought" step.
  const imported = await s.waitFor('the funnel with her purchase', async () => {
    const f = await dashboardFigures();
    return f.bought === joined.bought + 1 && f.sales !== joined.sales ? f : null;
  });
  assert.equal(imported.joined, joined.joined);
  assert.deepEqual(await axeViolations(s), []);
  await shot('96-dashboard-after-import');
  // Her first purchase 3 days before: "New". The segment opens the list with her in it.
  await s.clickTestId('segment-new');
  await s.byTestId('member-segment-on');
  await s.waitFor('her in the segment', async () => /Mrs Wang/.test((await s.bodyText()) ?? ''));
  await shot('97-segment-members');

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
  await s.waitFor('the funnel without the import', async () => (await dashboardFigures()).bought === joined.bought);
});

test('two records of one customer: listed as possible duplicates, compared, merged on the owner\'s word, and the merge undone', async () => {
  const input = (name, phone) => ({
    display_name: name, phone, wechat_nickname: '小陈', birthday: '', note: '', tags: [],
    consent: { method: 'verbal', marketing: false, recorded_by: '' },
  });
  const older = await invoke('create_member', { input: input('陈阿姨', '13900001111') });
  const newer = await invoke('create_member', { input: input('陈阿姨', '') });
  await s.clickTestId('nav-members');
  await s.clickTestId('member-duplicates');
  await s.clickTestId(`compare-${older.id}-${newer.id}`);
  await s.byTestId(`merge-side-${newer.id}`);
  await s.waitFor('both records loaded', async () => /139\*\*\*\*1111/.test((await text(`merge-side-${older.id}`)) ?? ''));
  assert.deepEqual(await axeViolations(s), []);
  await shot('98-merge-compare');
  await s.clickTestId('merge-ok');
  const merge = await s.waitFor('the merge in the list', async () =>
    s.execute(`return document.querySelector('[data-testid^="undo-merge-"]')?.dataset.testid ?? null`));
  assert.equal((await invoke('list_members', { filter: { search: '陈阿姨' } })).total, 1);
  await s.clickTestId(merge);
  await s.waitFor('the confirmation', async () => s.execute(`return !!document.querySelector('.ant-popconfirm .ant-btn-primary')`));
  await s.execute(`document.querySelector('.ant-popconfirm .ant-btn-primary').click()`);
  await s.waitFor('both records back', async () => (await invoke('list_members', { filter: { search: '陈阿姨' } })).total === 2);
  await shot('99-merge-undone');
});
