// A referral day in the real window: a member with marketing consent made
// with the CLI; the wizard clicked through on the method's defaults (a ¥10
// first-purchase voucher for the friend, rewards at 1, 3 and 5 friends); the
// member's friend card on their page; at the counter the card's code opens
// the friend dialog, the holder's own number is refused, a new friend is
// welcomed and their first sale with the welcome voucher qualifies the
// referral; the referral day's page then shows the friend who bought, the
// member's reward voucher and the month's leaderboard, names masked. The shop
// speaks whichever language the files before left it in: checks read both.
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
const REFERRER = '推荐达人 Mei';
const PHONE = '13960001001';
let s;
let referralId;
let memberId;

before(async () => {
  s = await Session.start(APP);
});
after(async () => {
  if (s) await s.end().catch(() => {});
});

const shot = (name) => s.screenshot(join(SHOTS, `${name}.png`));
const cli = (...args) => JSON.parse(execFileSync(CLI, ['--json', ...args], { encoding: 'utf8' }));
const text = (testId) => s.execute(`return document.querySelector('[data-testid="${testId}"]')?.innerText ?? null`);

test('a member with marketing consent', async () => {
  await s.ensureShop();
  const group = cli('community', 'add', '--name', 'Referral tea friends 推荐群', '--kind', 'high-frequency');
  memberId = cli('member', 'add', '--name', REFERRER, '--phone', PHONE, '--community', String(group.id), '--marketing-consent').id;
});

test('the referral wizard on the method\'s defaults, one click', async () => {
  await s.clickTestId('nav-campaigns');
  await s.clickTestId('campaign-new');
  await s.clickTestId('campaign-pick-referral');
  await s.byTestId('referral-title');
  // A reward out of reach of the monthly cap is refused at the plan.
  await s.typeInto('referral-cap', '2', { replace: true });
  await s.byTestId('check-tiers');
  await s.typeInto('referral-cap', '5', { replace: true });
  await s.waitFor('the rewards within the cap', async () => !(await text('check-tiers')) && (await text('referral-cost')) !== null);
  await shot('100-referral-offer');
  assert.deepEqual(await axeViolations(s), []);
  await s.clickTestId('referral-next');

  await s.byTestId('referral-days');
  await shot('101-referral-when');
  assert.deepEqual(await axeViolations(s), []);
  await s.clickTestId('referral-next');

  // The announcement in both languages: the friend's first purchase counts, passing a post on never does.
  const zh = await s.waitFor('the Chinese announcement', async () => text('referral-announcement-zh'));
  const en = await text('referral-announcement-en');
  assert.match(zh, /首次到店消费/);
  assert.match(en, /first purchase/);
  for (const banned of [/转发/, /分享/, /朋友圈/, /forward/i, /\bshare/i]) {
    assert.doesNotMatch(zh + en, banned);
  }
  await shot('102-referral-announcement');
  await s.clickTestId('referral-next');

  await s.byTestId('referral-review');
  await s.byTestId('referral-all-clear');
  referralId = cli('campaign', 'list', '--status', 'draft').find((c) => c.kind === 'referral').id;
  await s.clickTestId('referral-finish');
  await s.waitFor('the referral day listed', async () => (await text(`campaign-referral-${referralId}`)) !== null);
  assert.equal(cli('campaign', 'show', String(referralId)).status, 'running');
});

test('the member\'s friend card is on their page', async () => {
  const code = cli('referral', 'code', String(memberId)).code;
  await s.clickTestId('nav-members');
  await s.typeInto('member-search', '1001\uE007');
  await s.waitFor('the member opened', async () =>
    s.execute(`const c = [...document.querySelectorAll('tr')].find((r) => r.innerText.includes(arguments[0])); c && c.click(); return !!c`, [REFERRER]));
  await s.byTestId('member-friend-card');
  assert.equal(await s.waitFor('the friend code', async () => text('member-friend-code')), code);
  await shot('103-member-friend-card');
  assert.deepEqual(await axeViolations(s), []);
  // Saved as an image to send the member in a chat.
  const file = join(mkdtempSync(join(tmpdir(), 'friend-card-')), 'card.png');
  await s.clickTestId('member-friend-card-save');
  answerSaveDialog('^(保存好友卡|Save the friend card)$', file);
  await s.waitFor('the card saved', async () => { try { return readFileSync(file).subarray(1, 4).toString() === 'PNG'; } catch { return false; } }, 30000);
});

test('at the counter: the holder\'s own number refused, a new friend welcomed, their first sale qualifies', async () => {
  const code = cli('referral', 'code', String(memberId)).code;
  await s.clickTestId('nav-counter');
  await s.typeInto('counter-input', `${code}\uE007`);
  assert.match(await s.waitFor('whose card', async () => text('friend-card-check')), /推\* \(1001\)/);

  await s.typeInto('friend-card-phone', PHONE);
  await s.clickTestId('friend-card-welcome');
  await s.waitFor('the own number refused', async () => /(cannot refer themselves|不能推荐自己)/.test((await s.bodyText()) ?? ''));
  await s.typeInto('friend-card-phone', '139 6000 2002', { replace: true });
  await s.typeInto('friend-card-name', 'New friend 新朋友');
  await s.clickTestId('friend-card-welcome');
  const voucher = await s.waitFor('the welcome voucher', async () => text('friend-card-voucher'));
  assert.match(voucher, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  await shot('104-counter-friend-welcomed');
  assert.deepEqual(await axeViolations(s), []);

  // Their first sale, paid with the welcome voucher: the referral qualifies, the member's reward issues.
  await s.clickTestId('friend-card-sale');
  await s.typeInto('sale-amount', '48');
  await s.clickTestId('sale-save');
  await shot('105-counter-friend-sale');
  await s.waitFor('the referral qualified', async () => cli('referral', 'show', String(referralId)).qualified === 1);
  await s.clickTestId('counter-exit');
});

test('the referral day\'s page: the friend who bought, the member\'s reward, the month\'s leaderboard', async () => {
  await s.clickTestId('nav-campaigns');
  await s.clickTestId(`campaign-referral-${referralId}`);
  await s.byTestId('referral-title');
  await s.waitFor('one friend bought', async () => (await text('referral-qualified')) === '1');
  const shown = cli('referral', 'show', String(referralId));
  assert.equal(shown.rewards.length, 1);
  assert.equal(shown.rewards[0].cents, 500);
  assert.ok((await text('referral-rewards')).includes(shown.rewards[0].code));
  const post = await s.waitFor('the leaderboard post', async () => text('referral-board-post'));
  assert.match(post, /推\*/);
  assert.doesNotMatch(post, /Mei|1001/);
  await shot('106-referral-page');
  assert.deepEqual(await axeViolations(s), []);
});

test('cancelling the referral day keeps the friend\'s and the member\'s vouchers', async () => {
  await s.clickTestId('nav-campaigns');
  await s.clickTestId(`campaign-cancel-${referralId}`);
  await s.typeInto('campaign-cancel-reason', 'Shop closed for the holidays');
  await s.clickTestId('campaign-cancel-confirm');
  await s.waitFor('the referral day cancelled', async () => cli('campaign', 'show', String(referralId)).status === 'cancelled');
  const batches = cli('voucher', 'list').filter((b) => /推荐有礼|Bring a friend/.test(b.name));
  assert.equal(batches.length, 2);
  assert.deepEqual(batches.map((b) => b.stats.voided), [0, 0]);
});
