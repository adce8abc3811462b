// The shop's rhythm in the real app window: make the Monday–Thursday 20:00
// spike schedule from its preset, see its four evenings in the calendar's week
// view, plan a content topic for tomorrow, then move the app's clock to
// tomorrow at the topic's time and see the reminder arrive in the reminder
// centre (and tonight's spike reminders, passed meanwhile, listed as missed).
// The clock is the app's test clock (SHOPCIRCLE_TEST_CLOCK=1, set by run.sh):
// nothing here waits for real time to pass.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerSaveDialog } from './desktop.mjs';
import { Session } from './webdriver.mjs';

const APP = process.env.E2E_APP;
const CLI = process.env.E2E_CLI;
const SHOTS = process.env.E2E_ARTIFACTS;
/** Where the notification server (dunst, started by run.sh) logs each notification's words. */
const NOTES = process.env.E2E_NOTIFICATIONS;
const SPIKE = 'Spike 秒杀 osmanthus oolong';
const TOPIC = 'Tea of the day 每日一茶';
let s;
let zone;
let community;

before(async () => {
  s = await Session.start(APP);
});
after(async () => {
  if (s) await s.end().catch(() => {});
});

const shot = (name) => s.screenshot(join(SHOTS, `${name}.png`));
const cli = (...args) => JSON.parse(execFileSync(CLI, ['--json', ...args], { encoding: 'utf8' }));
/** Calls one of the app's own commands from the window, as the UI does. */
const invoke = (cmd, args = {}) =>
  s.execute('return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])', [cmd, args]);

/** Waits until no drawer is open or still sliding out, so a screenshot shows the page. */
const drawerClosed = () =>
  s.waitFor('the drawer to close', async () =>
    (await s.execute(`return [...document.querySelectorAll('.ant-drawer')].some((d) =>
      d.classList.contains('ant-drawer-open') || (getComputedStyle(d).display !== 'none' && d.querySelector('.ant-drawer-content-wrapper')?.getBoundingClientRect().width > 0
        && d.querySelector('.ant-drawer-content-wrapper').getBoundingClientRect().left < window.innerWidth)) ? null : true`)));

/** A day in the shop's zone, `offset` days from now, as YYYY-MM-DD, and its weekday (0 = Sunday). */
function shopDay(offset = 0) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' })
    .formatToParts(new Date(Date.now() + offset * 86_400_000));
  const get = (t) => parts.find((p) => p.type === t).value;
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  return { day, weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')) };
}

/** The instant that is `time` (HH:MM) on `day` in the shop's zone, as RFC 3339 UTC. */
function shopInstant(day, time) {
  const guess = new Date(`${day}T${time}:00Z`);
  const local = new Date(guess.toLocaleString('en-US', { timeZone: zone }));
  const utc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(guess.getTime() - (local - utc)).toISOString();
}

test('the shop is set up (or was, by a journey before)', async () => {
  await s.ensureShop();
  zone = (await invoke('app_info')).shop.time_zone;
  // A community of its own, made by a second process on the same file.
  community = cli('community', 'add', '--name', 'Rhythm tea friends', '--kind', 'high-frequency').id;
});

test('make the Monday–Thursday 20:00 spike from its preset', async () => {
  await s.clickTestId('nav-schedules');
  await s.clickTestId('schedule-add');
  await s.byTestId('schedule-form');
  await s.clickTestId('schedule-preset-spike');
  await s.typeInto('schedule-title', SPIKE, { replace: true });
  for (const d of ['mo', 'tu', 'we', 'th']) {
    assert.equal(await s.execute(`return document.querySelector('[data-testid="schedule-day-${d}"]').getAttribute('aria-pressed')`), 'true');
  }
  assert.equal(await s.execute(`return document.querySelector('[data-testid="schedule-time"] input, input[data-testid="schedule-time"]').value`), '20:00');
  await shot('40-schedule-form');
  await s.clickTestId('schedule-save');
  await s.waitFor('the schedule in the list', async () =>
    (await s.execute(`return [...document.querySelectorAll('[data-testid^="schedule-row-"]')].some((e) => e.innerText.includes(arguments[0])) || null`, [SPIKE])));
  // Stored as the RFC 5545 rule, in the same file the CLI reads.
  const stored = cli('schedule', 'list').find((x) => x.title === SPIKE);
  assert.equal(stored.rule, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH');
  assert.equal(stored.time, '20:00');
  assert.equal(stored.lead_minutes, 30);
  await drawerClosed();
  await shot('41-schedules');
});

test('the schedules go to a phone calendar as the .ics file the owner saves', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'shopcircle-ics-')), 'shop.ics');
  await s.clickTestId('nav-schedules');
  await s.clickTestId('schedules-export-ics');
  answerSaveDialog('^(保存日程（导入手机日历）|Save the schedules for a phone calendar)$', file);
  await s.waitFor('the .ics file where the owner chose', async () => existsSync(file) || null, 30000);
  // Lines are folded at 75 octets; a calendar reads them unfolded.
  const text = readFileSync(file, 'utf8').replace(/\r\n /g, '');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH\r\n/);
  assert.ok(text.includes(`\r\nSUMMARY:${SPIKE}\r\n`), 'the spike is an event under its own title');
  assert.match(text, /\r\nBEGIN:VALARM\r\n[^]*TRIGGER:-PT30M/, 'reminded 30 minutes before');
});

test('the week view shows the spike on Monday to Thursday at 20:00', async () => {
  await s.clickTestId('nav-calendar');
  await s.clickTestId('calendar-view-week');
  // The schedule starts today: unless today is Monday, this week's Monday is before
  // its first evening, so next week is the first with all four.
  const today = shopDay(0);
  if (today.weekday !== 1) await s.clickTestId('calendar-next');
  const id = cli('schedule', 'list').find((x) => x.title === SPIKE).id;
  const chips = await s.waitFor('four spike evenings in the week', async () => {
    const found = await s.execute(
      `return [...document.querySelectorAll('[data-testid^="occurrence-${id}-"]')].map((e) => [e.dataset.testid, e.closest('[data-testid^="calendar-day-"]')?.dataset.testid, e.innerText])`);
    return found.length === 4 ? found : null;
  });
  const weekdays = chips.map(([tid]) => new Date(`${tid.slice(-10)}T12:00:00Z`).getUTCDay());
  assert.deepEqual(weekdays, [1, 2, 3, 4]);
  for (const [tid, column, text] of chips) {
    assert.equal(column, `calendar-day-${tid.slice(-10)}`, 'each evening sits in its own day column');
    assert.match(text, /20:00/);
  }
  await shot('42-calendar-week');
});

test('plan tomorrow\'s topic in the content calendar', async () => {
  const tomorrow = shopDay(1).day;
  await s.clickTestId('nav-content');
  await s.clickTestId('content-community');
  await s.execute(
    `const o = [...document.querySelectorAll('.ant-select-item-option')].find((e) => e.innerText.includes('Rhythm tea friends')); o && o.click(); return !!o`);
  await s.waitFor('the community chosen', async () =>
    (await s.execute(`return document.querySelector('[data-testid="content-community"]')?.innerText.includes('Rhythm tea friends') || null`)));
  // The week shown is this week; on a Sunday tomorrow is in the next.
  if (shopDay(0).weekday === 0) await s.clickTestId('content-next');
  await s.clickTestId(`content-add-${tomorrow}`);
  await s.byTestId('content-form');
  await s.typeInto('content-topic', TOPIC);
  await s.typeInto('content-time', '10:00', { replace: true });
  await s.typeInto('content-body', 'Today we brew osmanthus oolong at 95°C. 今天冲泡桂花乌龙。');
  await s.clickTestId('content-save');
  const item = await s.waitFor('the topic on tomorrow\'s card', async () =>
    (await s.execute(`return document.querySelector('[data-testid="content-day-${tomorrow}"] [data-testid^="content-item-"]')?.innerText ?? null`)));
  assert.match(item, /Tea of the day/);
  await drawerClosed();
  await shot('43-content-week');
});

test('at tomorrow 10:00 the reminder arrives in the reminder centre, exactly once', async () => {
  const tomorrow = shopDay(1).day;
  await s.clickTestId('nav-reminders');
  await s.byTestId('reminders-today');
  // Move the app's clock to 30 s after the topic's time; the reminder task wakes at once.
  await invoke('set_test_clock', { at: new Date(Date.parse(shopInstant(tomorrow, '10:00')) + 30_000).toISOString() });
  const row = await s.waitFor('the topic\'s reminder, delivered, in today\'s list', async () =>
    (await s.execute(
      `const r = [...document.querySelectorAll('[data-testid="reminders-today"] [data-testid^="reminder-content:"]')].find((e) => e.innerText.includes(arguments[0]));
       return r ? r.innerText : null`, [TOPIC])), 30000);
  assert.match(row, /10:00/);
  const centre = await invoke('reminder_centre');
  assert.equal(centre.today, tomorrow);
  const delivered = centre.today_list.filter((r) => r.kind === 'content' && r.title === TOPIC);
  assert.equal(delivered.length, 1);
  assert.ok(delivered[0].delivered_at, 'recorded as delivered');
  // Tonight's spike (if tonight is Monday to Thursday) passed while the clock jumped: missed, not shown in a burst.
  if ([1, 2, 3, 4].includes(shopDay(0).weekday)) {
    const missed = centre.missed.filter((r) => r.title === SPIKE).map((r) => r.kind).sort();
    assert.deepEqual(missed, ['announce', 'start']);
    await s.byTestId('reminders-missed');
  }
  await shot('44-reminder-centre');
  // Shown on the desktop too, in the shop's language, once.
  const shown = await s.waitFor('the desktop notification', async () => {
    const lines = existsSync(NOTES) ? readFileSync(NOTES, 'utf8').split('\n').filter((l) => l.includes(TOPIC)) : [];
    return lines.length ? lines : null;
  });
  assert.equal(shown.length, 1, shown.join('\n'));
  assert.match(shown[0], /^ShopCircle\t(Time to post: |该发布了：)Tea of the day 每日一茶\tToday we brew osmanthus oolong/);
  // Setting the clock again does not deliver it again.
  await invoke('set_test_clock', { at: new Date(Date.parse(shopInstant(tomorrow, '10:00')) + 90_000).toISOString() });
  const again = await invoke('reminder_centre');
  assert.equal(again.today_list.filter((r) => r.kind === 'content' && r.title === TOPIC).length, 1);
});

test('clicking a reminder\'s notification opens its page', async () => {
  const tomorrow = shopDay(1).day;
  execFileSync('dunstctl', ['close-all']);
  await s.clickTestId('nav-calendar');
  await s.byTestId('calendar-view-week');
  const second = 'Brewing tip 冲泡技巧';
  await invoke('create_content', { input: { community_id: community, day: tomorrow, time: '10:05', topic: second, body: 'Why tea turns bitter.' } });
  await invoke('set_test_clock', { at: new Date(Date.parse(shopInstant(tomorrow, '10:05')) + 20_000).toISOString() });
  await s.waitFor('its notification', async () => (existsSync(NOTES) && readFileSync(NOTES, 'utf8').includes(second)) || null);
  await s.waitFor('the notification on screen', async () => execFileSync('dunstctl', ['count', 'displayed'], { encoding: 'utf8' }).trim() === '1' || null);
  execFileSync('dunstctl', ['action', '0']);
  // The content calendar opens on that community's week, with the topic on tomorrow's card
  // (shown from the cache at once, then refreshed with the new topic).
  await s.waitFor('the content page at tomorrow, with the new topic', async () =>
    (await s.execute(`return document.querySelector('[data-testid="content-day-${tomorrow}"]')?.innerText.includes(arguments[0]) || null`, [second])));
  await shot('46-opened-from-notification');
});

test('a second launch hands over to the running ShopCircle instead of starting another', async () => {
  const { spawnSync } = await import('node:child_process');
  await s.clickTestId('nav-calendar');
  // The same program, the same session: it finds the running one and ends by itself.
  const second = spawnSync(APP, [], { timeout: 30_000, env: process.env, encoding: 'utf8' });
  assert.equal(second.signal, null, 'ended by itself, not killed after 30 s');
  assert.equal(second.status, 0, second.stderr);
  // The running one is still there and answers.
  assert.equal((await invoke('app_info')).shop.time_zone, zone);
  await s.byTestId('calendar-view-week');
});

test('starting at login is the owner\'s choice, written where the desktop looks', async () => {
  const { homedir } = await import('node:os');
  const entry = join(homedir(), '.config', 'autostart', 'ShopCircle.desktop');
  assert.equal(existsSync(entry), false, 'off until the owner turns it on');
  await s.clickTestId('nav-settings');
  await s.clickTestId('settings-autostart');
  await s.waitFor('the login entry', async () => existsSync(entry) || null);
  const desktop = readFileSync(entry, 'utf8');
  assert.match(desktop, /Exec=.*shopcircle.* --minimized/, 'starts in the tray');
  await shot('45-settings-autostart');
  await s.clickTestId('settings-autostart');
  await s.waitFor('the login entry removed', async () => !existsSync(entry) || null);
});
