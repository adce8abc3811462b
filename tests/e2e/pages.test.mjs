// Every page and dialog of the sample shop, in English and in Chinese: axe-core
// finds no critical or serious violation, the sample's records open in their
// editors without a validation error, the keyboard reaches and opens cards, and
// each page is saved as a screenshot at the default 1200 × 800 window and at
// the minimum 960 × 640 (tests/e2e/artifacts/pages/, to look at).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, stillness } from './axe.mjs';
import { Session } from './webdriver.mjs';

const SHOTS = join(process.env.E2E_ARTIFACTS, 'pages');
const TAB = '\uE004';
const ENTER = '\uE007';
const ESCAPE = '\uE00C';
const SIZES = [
  [1200, 800],
  [960, 640],
];
const AREAS = ['dashboard', 'communities', 'members', 'campaigns', 'reminders', 'calendar', 'schedules', 'content', 'posters', 'products', 'gifts', 'vouchers', 'staff', 'settings'];
let s;
const found = [];
let lapStarted = Date.now();
/** Logs how long the part just done took, to see where this file's minutes go. */
function lap(what) {
  console.log(`# ${what}: ${Date.now() - lapStarted} ms`);
  lapStarted = Date.now();
}

// Its own database: the sample shop, apart from the other files' shop.
function appOnFreshDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'sc-pages-'));
  const wrapper = join(dir, 'shopcircle');
  writeFileSync(wrapper, `#!/bin/sh\nSHOPCIRCLE_DB='${join(dir, 'sample.db')}' exec '${process.env.E2E_APP}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  s = await Session.start(appOnFreshDatabase());
});
after(async () => {
  if (s) await s.end().catch(() => {});
});

/** Until no CSS transition or animation runs (a menu fading back in is not its colour). */
async function still() {
  await stillness(s);
}

async function check(where, within = null) {
  await still();
  const violations = await axeViolations(s, within);
  for (const v of violations) found.push(`${where}: ${v}`);
}

/** No field of the open form shows an error. */
async function noFieldErrors(where) {
  const errors = await s.execute(
    `return [...document.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent).filter(Boolean)`,
  );
  assert.deepEqual(errors, [], `${where}: the sample's values are valid in their editor`);
}

/** Clicks the i-th match of `css`, retrying while a closing dialog's mask still covers it. */
async function clickNth(css, i = 0) {
  await s.waitFor(`a click on ${css} #${i + 1}`, async () => {
    await (await s.findAll(css))[i].click();
    return true;
  });
}

async function settle() {
  // Wait for queries to land: no spinner and no skeleton on the page.
  await s.waitFor('the page to settle', async () =>
    s.execute(`return !document.querySelector('.ant-spin-spinning, .ant-skeleton-active') && !!document.querySelector('h1')`));
}

async function openArea(key) {
  // The menu item, not its label: in the folded menu (below 992 px) the label is hidden.
  await clickNth(`li.ant-menu-item:has([data-testid="nav-${key}"])`);
  await settle();
}

const OPEN_OVERLAY = '.ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-drawer-open';

async function closeOverlay() {
  // Escape, as the owner would; its close button when the focus is elsewhere.
  await s.press(ESCAPE);
  await s.waitFor('the dialog to close', async () => {
    const open = await s.execute(`return !!document.querySelector('${OPEN_OVERLAY}')`);
    if (open) await s.execute(`document.querySelector('.ant-modal-close, .ant-drawer-open .ant-drawer-close')?.click()`);
    return !open;
  });
}

/** Opens a dialog, checks it unless `accessibility` is false, closes it. */
async function dialog(where, open, accessibility = true) {
  await open();
  await s.waitFor(`${where} to open`, async () => s.execute(`return !!document.querySelector('.ant-modal, .ant-drawer-open')`));
  if (accessibility) await check(where, '.ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-drawer-open .ant-drawer-content-wrapper');
  else await still();
  await noFieldErrors(where);
  await closeOverlay();
}

async function everyPage(lang) {
  // Each area at both sizes, the window resized once per size rather than per page.
  for (const [w, h] of SIZES) {
    await s.resize(w, h);
    for (const key of AREAS) {
      const started = Date.now();
      await openArea(key);
      // The folded menu's item would keep its name's tooltip open under the pointer.
      await s.pointTo(w - 40, 30);
      // The menu folds to icons below 992 px and its selection fades: shoot the settled page.
      await still();
      await s.screenshot(join(SHOTS, `${lang}-${key}-${w}x${h}.png`));
      // axe on every page at the default size; at the minimum, on the folded menu
      // (what differs there; the pages' own content is the same).
      if (w === 1200) await check(`${lang} ${key}`);
      console.log(`# ${lang} ${key} ${w}x${h}: ${Date.now() - started} ms`);
    }
    if (w !== 1200) await check(`${lang} folded menu ${w}x${h}`, '.ant-layout-sider');
  }
  await s.resize(1200, 800);
  lap(`${lang} areas`);
  const communities = lang === 'en' ? 3 : 1;
  for (let i = 0; i < communities; i += 1) {
    await openArea('communities');
    await clickNth('[data-testid^="community-card-"]', i);
    await settle();
    if (i === 0) {
      await check(`${lang} community detail`);
      await s.screenshot(join(SHOTS, `${lang}-community-detail-1200x800.png`));
    }
    await dialog(`${lang} community editor ${i + 1}`, () => s.clickTestId('community-edit'), i === 0);
  }

  lap(`${lang} communities`);
  await openArea('posters');
  const posters = await s.findAll('[data-testid^="poster-card-"]');
  assert.equal(posters.length, 7, 'a poster per template, and the three campaigns\' posters');
  await dialog(`${lang} new poster dialog`, () => s.clickTestId('poster-new'));
  // The sample's records are written once, in the first language: each poster
  // is opened in its editor then; in the second language, the designer's words.
  for (let i = 0; i < (lang === 'en' ? posters.length : 1); i += 1) {
    await openArea('posters');
    await clickNth('[data-testid^="poster-card-"]', i);
    await s.byTestId('poster-preview');
    await settle();
    await noFieldErrors(`${lang} poster ${i + 1}`);
    if (i === 0) {
      await check(`${lang} poster designer`);
      await s.screenshot(join(SHOTS, `${lang}-poster-designer-1200x800.png`));
    }
  }

  lap(`${lang} posters`);
  // Every other sample record in its editor (in the first language; axe on the first of each).
  const each = async (area, css, name) => {
    await openArea(area);
    const count = lang === 'en' ? (await s.findAll(css)).length : 1;
    assert.ok(count > 0, `the sample has ${name}`);
    for (let i = 0; i < count; i += 1) {
      await dialog(`${lang} ${name} ${i + 1}`, () => clickNth(css, i), i === 0);
    }
  };
  lap(`${lang} each-def`);
  await openArea('campaigns');
  await dialog(`${lang} new campaign`, () => s.clickTestId('campaign-new'));
  await s.clickTestId('campaign-new');
  await s.clickTestId('campaign-pick-spike');
  await s.byTestId('spike-product');
  await settle();
  await check(`${lang} flash-sale wizard`);
  await s.screenshot(join(SHOTS, `${lang}-spike-wizard-1200x800.png`));
  // Every other wizard's first step.
  for (const kind of ['ladder', 'drainage', 'draw', 'referral', 'alliance']) {
    await openArea('campaigns');
    await s.clickTestId('campaign-new');
    // The list zooms in: click a card once it stands still.
    await still();
    await clickNth(`[data-testid="campaign-pick-${kind}"]`);
    await s.byTestId(`${kind}-title`);
    await settle();
    await check(`${lang} ${kind} wizard`);
    await s.screenshot(join(SHOTS, `${lang}-${kind}-wizard-1200x800.png`));
  }
  await openArea('campaigns');
  await dialog(`${lang} cancel a campaign`, () => clickNth('[data-testid^="campaign-cancel-"]'));
  lap(`${lang} wizards`);
  // The sample's campaigns: next week's flash sale in its console, the welcome
  // gift's claims at the counter and its report.
  const campaignPage = async (css, ready, name) => {
    await openArea('campaigns');
    await clickNth(css);
    await s.byTestId(ready);
    await settle();
    await check(`${lang} ${name}`);
    await s.screenshot(join(SHOTS, `${lang}-${name.replaceAll(' ', '-')}-1200x800.png`));
  };
  await openArea('campaigns');
  await s.screenshot(join(SHOTS, `${lang}-campaigns-list-1200x800.png`));
  await campaignPage('[data-testid^="campaign-console-"]', 'console-left', 'flash-sale console');
  await campaignPage('[data-testid^="campaign-claims-"]', 'claims-title', 'welcome-gift claims');
  await campaignPage('[data-testid^="campaign-report-"]', 'report-title', 'welcome-gift report');
  lap(`${lang} campaign pages`);
  await each('products', '[data-testid^="product-edit-"]', 'product editor');
  await dialog(`${lang} new product`, () => s.clickTestId('product-add'));
  await dialog(`${lang} price history`, () => clickNth('[data-testid^="product-history-"]'));
  await each('gifts', '[data-testid^="gift-edit-"]', 'gift editor');
  await dialog(`${lang} new gift`, () => s.clickTestId('gift-add'));
  await dialog(`${lang} stock dialog`, () => clickNth('[data-testid^="gift-stock-"]'));
  await dialog(`${lang} stock history`, () => clickNth('[data-testid^="gift-history-"]'));
  lap(`${lang} products+gifts`);
  await openArea('vouchers');
  await dialog(`${lang} issue vouchers`, () => s.clickTestId('voucher-issue'));
  await clickNth('[data-testid^="batch-open-"]');
  await s.byTestId('batch-title');
  await settle();
  await check(`${lang} voucher batch`);
  await s.screenshot(join(SHOTS, `${lang}-voucher-batch-1200x800.png`));
  await dialog(`${lang} void a batch`, () => s.clickTestId('batch-void'));
  await openArea('communities');
  await dialog(`${lang} new community`, () => s.clickTestId('community-new'));
  await openArea('schedules');
  await dialog(`${lang} new schedule`, () => s.clickTestId('schedule-add'));
  lap(`${lang} vouchers`);
  await each('schedules', '[data-testid^="schedule-edit-"]', 'schedule editor');
  await each('content', '[data-testid^="content-item-"]', 'topic editor');
  lap(`${lang} schedules+content`);
  await openArea('staff');
  await dialog(`${lang} new staff`, () => s.clickTestId('staff-new'));
  await openArea('members');
  await dialog(`${lang} new member`, () => s.clickTestId('member-new'));
  await clickNth('[data-testid^="member-row-"] td');
  await s.byTestId('member-title');
  await settle();
  await check(`${lang} member page`);
  await s.screenshot(join(SHOTS, `${lang}-member-1200x800.png`));
  await openArea('members');
  await s.clickTestId('member-import');
  await s.byTestId('import-file');
  await settle();
  await check(`${lang} imports`);
  await s.screenshot(join(SHOTS, `${lang}-imports-1200x800.png`));
  await openArea('members');
  await s.clickTestId('member-duplicates');
  await s.byTestId('duplicates-title');
  await settle();
  await check(`${lang} possible duplicates`);
  await s.screenshot(join(SHOTS, `${lang}-duplicates-1200x800.png`));
  await dialog(`${lang} export CSV`, async () => {
    await openArea('members');
    await s.clickTestId('member-export-csv');
  });
  lap(`${lang} staff+members`);
  await openArea('counter');
  await check(`${lang} counter`);
  await s.screenshot(join(SHOTS, `${lang}-counter-1200x800.png`));
  await s.clickTestId('counter-exit');
  await s.byTestId('app-ready');
  lap(`${lang} counter`);
}

test('the sample shop in English: every page alive and accessible', async () => {
  await s.byTestId('welcome-sample', 30000);
  // The welcome is seen once, so it is checked in both languages here.
  await s.clickTestId('welcome-language-zh');
  await s.waitForText('用示例店铺试试');
  await check('zh welcome');
  await s.screenshot(join(SHOTS, 'zh-welcome-1200x800.png'));
  await s.clickTestId('welcome-language-en');
  await s.waitForText('Try with a sample shop');
  await check('en welcome');
  await s.screenshot(join(SHOTS, 'en-welcome-1200x800.png'));
  await s.clickTestId('welcome-sample');
  await s.byTestId('app-ready', 30000);
  await everyPage('en');
});

test('the keyboard reaches a community card and opens it with Enter', async () => {
  await openArea('communities');
  const target = await s.waitFor('Tab to reach a community card', async () => {
    await s.press(TAB);
    return s.execute(`return document.activeElement?.dataset?.testid?.startsWith('community-card-') ? document.activeElement.dataset.testid : null`);
  });
  await s.press(ENTER);
  await s.byTestId('community-title');
  assert.ok(target);
});

test('the sample shop in Chinese: every page alive and accessible', async () => {
  await openArea('settings');
  await s.clickTestId('settings-language-zh');
  await s.waitForText('社群');
  await everyPage('zh');
});

test('no critical or serious accessibility violation anywhere', () => {
  assert.deepEqual(found, []);
});
