// The journey in the real app window: first run, plan a community with rules,
// edit it, restart and find it unchanged, switch to Chinese, give a channel its
// group code, design and save a counter poster, and see it made again when the
// code is replaced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { answerSaveDialog } from './desktop.mjs';
import { Session } from './webdriver.mjs';

const APP = process.env.E2E_APP;
const CLI = process.env.E2E_CLI;
const SHOTS = process.env.E2E_ARTIFACTS;
let s;

async function open() {
  s = await Session.start(APP);
}

function click(id) {
  return s.clickTestId(id);
}

function typeInto(id, text, options) {
  return s.typeInto(id, text, options);
}

async function shot(name) {
  await s.screenshot(join(SHOTS, `${name}.png`));
}

before(open);
after(async () => {
  if (s) await s.end().catch(() => {});
});

test('first run: the welcome sets up the shop in English', async () => {
  await s.byTestId('welcome-shop-name', 30000);
  await shot('01-welcome');
  await click('welcome-language-en');
  await typeInto('welcome-shop-name', 'Leaf & Cup Tea House');
  await typeInto('welcome-brand', 'Leaf & Cup');
  await typeInto('welcome-industry', 'Tea shop');
  await click('welcome-start');
  await s.byTestId('app-ready');
  await s.waitForText('Leaf & Cup Tea House');
  assert.equal(await s.title(), 'ShopCircle — Community planner');
});

test('plan a community with rules from the template library', async () => {
  await click('community-new');
  await typeInto('community-name', 'Morning Tea Friends');
  await click('community-kind-high_frequency');
  await typeInto('community-purpose', 'A tea of the day and member prices every Friday');
  await typeInto('community-goal', '300 regulars buying every week');
  await click('rule-template-no_ads');
  await click('rule-template-respect');
  await shot('02-community-form');
  await click('community-save');
  await s.waitFor('the community in the list', () => s.findWithText('[data-testid^="community-card-"]', 'Morning Tea Friends'));
  await shot('03-communities');
});

async function openCommunity(name) {
  await click('nav-communities');
  const card = await s.waitFor(`card ${name}`, () => s.findWithText('[data-testid^="community-card-"]', name));
  // A closing drawer's mask may still cover the card: retry until the click lands.
  await s.waitFor(`a click on ${name}`, async () => (await card.click(), true));
  await s.waitFor(`the detail of ${name}`, async () => (await s.textOf('[data-testid="community-title"]'))?.includes(name));
}

test('edit the community: new name and capacity', async () => {
  await openCommunity('Morning Tea Friends');
  const rules = await s.textOf('[data-testid="community-rules"]');
  assert.match(rules, /No advertising of other businesses or products\./);
  assert.match(rules, /Be respectful/);
  await click('community-edit');
  await typeInto('community-name', 'Morning Tea Club', { replace: true });
  await typeInto('community-capacity', '180', { replace: true });
  await click('community-save');
  await s.waitFor('the new name', async () => (await s.textOf('[data-testid="community-title"]'))?.includes('Morning Tea Club'));
  // The edit drawer traps focus until it has closed; typing before that goes into it.
  await s.waitFor('the edit form to close', async () =>
    !(await s.execute('const e = document.querySelector(\'[data-testid="community-name"]\'); return !!e && e.offsetParent !== null')));
  await typeInto('member-count-input', '57', { replace: true });
  await s.waitFor('57 in the count box', async () => (await (await s.byTestId('member-count-input')).value()) === '57');
  await click('member-count-save');
  await s.waitForText('57');
  await shot('04-community-detail');
});

test('after a restart the community is unchanged, and the CLI sees the same file', async () => {
  await s.end();
  await open();
  await s.byTestId('app-ready', 30000);
  await openCommunity('Morning Tea Club');
  const rules = await s.textOf('[data-testid="community-rules"]');
  assert.match(rules, /No advertising of other businesses or products\./);
  await s.waitForText('180');
  const list = JSON.parse(execFileSync(CLI, ['--json', 'community', 'list'], { encoding: 'utf8' }));
  const c = list.find((x) => x.name === 'Morning Tea Club');
  assert.ok(c, 'the CLI lists the community');
  assert.equal(c.capacity, 180);
  assert.equal(c.kind, 'high_frequency');
  assert.deepEqual(c.rules.length, 2);
  assert.equal(c.members, 57);
});

test('switching the language in Settings turns the whole app Chinese', async () => {
  await click('nav-settings');
  await click('settings-language-zh');
  await s.waitForText('社群');
  await s.waitFor('the Chinese window title', async () => (await s.title()) === 'ShopCircle 社群助手');
  await shot('05-settings-chinese');
  await click('nav-communities');
  await s.waitForText('高频');
  await shot('06-communities-chinese');
});

test('a drainage channel gets its code from a dropped group screenshot', async () => {
  await openCommunity('Morning Tea Club');
  await click('channel-add');
  const input = await s.waitFor('the QR file input', () => s.find('[data-testid^="qr-file-"]'));
  await input.type(join(process.cwd(), 'tests/fixtures/group-qr-screenshot.png'));
  await s.waitFor('the decoded group link', async () =>
    (await s.textOf('[data-testid="qr-payload"]'))?.includes('https://weixin.qq.com/g/AwYAAGx2aWxsYWdlLXRlYS1mcmllbmRzLWdyb3Vw'));
  await s.execute('document.querySelector(\'[data-testid="channels-card"]\').scrollIntoView()');
  await shot('07-drainage-channel');
});

const FIRST_CODE = 'https://weixin.qq.com/g/AwYAAGx2aWxsYWdlLXRlYS1mcmllbmRzLWdyb3Vw';
const RENEWED_CODE = 'https://weixin.qq.com/g/AwYAAGx2aWxsYWdlLXRlYS1yZW5ld2VkLWNvZGU';

/** Rasterizes the PDF's page as a printer driver would and reads the code on it with the CLI. */
function codeOnPdf(pdf) {
  const page = join(dirname(pdf), 'page');
  execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', pdf, page]);
  return execFileSync(CLI, ['qr', 'decode', `${page}.png`], { encoding: 'utf8' }).trim();
}

async function previewShows(payload) {
  await s.waitFor(`a preview carrying ${payload}`, async () => {
    // data-current: drawn from what the form holds now, not from a moment ago.
    const loaded = await s.execute(
      `const img = document.querySelector('[data-testid="poster-preview"]');
       return !!img && img.complete && img.naturalWidth > 300 && img.dataset.current === 'true';`,
    );
    return loaded && (await s.textOf('[data-testid="poster-preview-payload"]'))?.includes(payload);
  }, 30000);
}

test('a counter poster with a Chinese headline: live preview, saved as PDF, made again when the code is replaced', async () => {
  const out = mkdtempSync(join(tmpdir(), 'shopcircle-poster-'));
  const pdf = join(out, '早茶会员群.pdf');
  await openCommunity('Morning Tea Club');
  await click((await s.execute(
    `return document.querySelector('[data-testid^="channel-make-poster-"]')?.dataset.testid`,
  )));
  await click('poster-template-counter');
  await typeInto('poster-headline', '扫码加入早茶会员群', { replace: true });
  await typeInto('poster-gift', '入群即送 精美茶包一份');
  await previewShows(FIRST_CODE);
  await shot('08-poster-designer');

  await click('poster-save');
  await s.waitFor('the saved poster', async () => !!(await s.find('[data-testid="poster-history"]')));
  await click('poster-export-pdf');
  answerSaveDialog('^(保存海报|Save poster)$', pdf);
  await s.waitFor('the PDF in the history', async () => (await s.findAll('[data-testid="poster-history-item"]')).length === 1, 30000);
  assert.ok(existsSync(pdf), 'the PDF is where the owner chose');
  assert.equal(codeOnPdf(pdf), FIRST_CODE, 'the printed code scans to the group');

  // A week later WeChat has made a new group code: import it on the channel.
  await openCommunity('Morning Tea Club');
  const input = await s.waitFor('the QR file input', () => s.find('[data-testid^="qr-file-"]'));
  await input.type(join(process.cwd(), 'tests/fixtures/group-qr-renewed.png'));
  await s.waitFor('the re-rendered notice naming the PDF', async () =>
    (await s.textOf('[data-testid="rerendered-notice"]'))?.includes('早茶会员群.pdf'), 30000);
  await s.execute(`document.querySelector('[data-testid="rerendered-notice"]').scrollIntoView({ block: 'center' })`);
  await shot('09-poster-rerendered');
  assert.equal(codeOnPdf(pdf), RENEWED_CODE, 'the file on disk now carries the new code');

  await click('nav-posters');
  const card = await s.waitFor('the poster card', () => s.findWithText('[data-testid^="poster-card-"]', '扫码加入早茶会员群'));
  await shot('10-posters');
  await s.waitFor('a click on the card', async () => (await card.click(), true));
  await previewShows(RENEWED_CODE);
  await s.waitFor('two entries in the history', async () => (await s.findAll('[data-testid="poster-history-item"]')).length === 2);
  await shot('11-poster-designer-saved');
  await s.execute(`document.querySelector('[data-testid="poster-history"]').scrollIntoView({ block: 'end' })`);
  await shot('12-poster-history');
});
