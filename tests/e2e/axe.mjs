// axe-core, the accessibility engine browsers' developer tools use, run inside
// the app's own window: the suite fails on any critical or serious violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../ui/package.json', import.meta.url));
const SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Waits until nothing on the page moves: no running animation or transition,
 * and no element in antd's enter/leave motion; names what keeps moving when
 * it never stops.
 */
export async function stillness(s) {
  let running = [];
  try {
    await s.waitFor('animations to end', async () => {
      // Two samples a frame apart: antd's motion sets its enter classes a
      // frame after a dialog appears, so one still instant can come before
      // the animation has begun (a dialog's text half-faded then fails contrast).
      running = await s.executeAsync(`
        const done = arguments[arguments.length - 1];
        const where = (el) => el?.closest?.('[data-testid]')?.dataset.testid ?? el?.parentElement?.outerHTML?.slice(0, 120) ?? '?';
        const moving = () => [
          ...document.getAnimations().map((a) => (a.animationName ?? a.constructor.name) + ' in ' + where(a.effect?.target)),
          // rc-motion's classes while an element enters or leaves: <name>-enter, -appear, -leave (and their -prepare/-start/-active steps).
          ...[...document.querySelectorAll('[class*="-enter"], [class*="-appear"], [class*="-leave"]')]
            .filter((el) => /(^|\\s)[\\w-]+-(enter|appear|leave)(-(prepare|start|active))?(\\s|$)/.test(el.getAttribute('class')))
            .map((el) => 'motion ' + el.getAttribute('class') + ' in ' + where(el)),
        ];
        const first = moving();
        requestAnimationFrame(() => requestAnimationFrame(() => done([...first, ...moving()])));
      `);
      return running.length === 0;
    });
  } catch {
    throw new Error(`the page never stood still: ${running.slice(0, 5).join("; ")}`);
  }
}

/**
 * The critical and serious violations on the page once it is still (a toast
 * fading out is a frame of an animation, not a colour the owner reads), one
 * line each; with `within` (a CSS selector), only inside that element — an
 * open dialog, whose page behind the mask is checked on its own.
 */
export async function axeViolations(s, within = null) {
  await stillness(s);
  const loaded = await s.execute('return typeof window.axe === "object"');
  if (!loaded) await s.execute(`${SOURCE}; return true;`);
  const result = await s.executeAsync(`
    const done = arguments[arguments.length - 1];
    const context = arguments[0] ? document.querySelector(arguments[0]) : document;
    window.axe
      .run(context, { resultTypes: ['violations'] })
      .then((r) => done(JSON.stringify(r.violations)))
      .catch((e) => done(JSON.stringify({ error: String(e) })));
  `, [within]);
  const violations = JSON.parse(result);
  if (violations.error) throw new Error(`axe-core failed: ${violations.error}`);
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
      // The first node's reason names the colours and ratio, or the missing label.
      const why = (v.nodes[0]?.any?.[0] ?? v.nodes[0]?.all?.[0] ?? v.nodes[0]?.none?.[0])?.message ?? '';
      return `${v.impact} ${v.id} (${v.nodes.length}): ${v.help} — ${where} — ${why}`;
    });
}
