// Helpers of the Day-mode e2e specs (issue #13): drawing a signature on the
// driver's canvas, delaying vans until a stop is at risk, and the ETA window a
// message quotes for a shown predicted time.
import type { Locator, Page } from '@playwright/test';
import { expect } from './support';

/** The demo's vehicles, in its order. */
export const DEMO_VEHICLES = ['Van 1', 'Van 2', 'Van 3', 'Van 4', 'Box truck 1', 'Box truck 2'];

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The ETA window of a shown predicted start "≈10:07": centre rounded to 5 min, ±15 min (the default settings). */
export function expectedWindow(shown: string): string {
  const [, h, m] = /(\d\d):(\d\d)/.exec(shown)!;
  const centre = Math.round((Number(h) * 60 + Number(m)) / 5) * 5;
  return `between ${hhmm(centre - 15)} and ${hhmm(centre + 15)}`;
}

/**
 * Waits until the day's risk estimate (issue #14) is of the current state: its
 * chances feed the at-risk list a few seconds after each change, so counts are
 * read once the Risk region is no longer busy.
 */
export async function dayRiskSettled(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Risk', exact: true })).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

/** Keys of the customer stops (jobs and deliveries) at risk now. */
async function atRiskKeys(page: Page): Promise<string[]> {
  await dayRiskSettled(page);
  return page.locator('.day-stop.is-at-risk').evaluateAll((items) => items.map((li) => li.getAttribute('data-stop-key')!).filter((k) => !k.endsWith('/pickup')));
}

/** Delays van after van by 60 minutes until a customer stop that was not at risk becomes at risk; returns that stop. */
export async function delayUntilAtRisk(page: Page): Promise<Locator> {
  for (const name of DEMO_VEHICLES) {
    const before = new Set(await atRiskKeys(page));
    const van = page.getByRole('article', { name });
    if ((await van.count()) === 0) continue;
    await van.getByLabel(`Delay minutes of ${name}`).fill('60');
    await van.getByRole('button', { name: 'Delay' }).click();
    await expect(page.getByRole('region', { name: 'Event log' }).locator('li').last()).toContainText('delay');
    const fresh = (await atRiskKeys(page)).filter((k) => !before.has(k));
    const inVan = [];
    for (const key of fresh) if ((await van.locator(`.day-stop[data-stop-key="${key}"]`).count()) > 0) inVan.push(key);
    if (inVan.length) return van.locator(`.day-stop[data-stop-key="${inVan[0]}"]`);
  }
  throw new Error('no van delay put a stop at risk');
}

/** Draws a stroke across the canvas with the mouse (pointer events). */
export async function sign(page: Page, canvas: Locator): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1) await page.mouse.move(box.x + box.width * (0.1 + i * 0.07), box.y + box.height * (0.6 - (i % 2) * 0.3));
  await page.mouse.up();
}

/**
 * The timeline's "now HH:MM" label against the hour labels of its axis: the hour labels it would touch are
 * hidden, so every hour label still shown is clear of it, and it lies within the axis. Returns what it read.
 */
export async function nowLabelClear(page: Page): Promise<{ now: string; shown: string[]; hidden: string[]; overlapping: string[]; inside: boolean }> {
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.locator('.timeline__now')).toBeVisible();
  return timeline.evaluate((region) => {
    const label = region.querySelector<HTMLElement>('.timeline__now')!.getBoundingClientRect();
    const axis = region.querySelector<HTMLElement>('.timeline__ticks')!.getBoundingClientRect();
    const ticks = [...region.querySelectorAll<HTMLElement>('.timeline__tick')];
    const visible = ticks.filter((t) => getComputedStyle(t).visibility === 'visible');
    const overlapping = visible.filter((t) => { const r = t.getBoundingClientRect(); return r.right > label.left && r.left < label.right; });
    return {
      now: region.querySelector<HTMLElement>('.timeline__now')!.textContent!.trim(),
      shown: visible.map((t) => t.textContent!.trim()),
      hidden: ticks.filter((t) => !visible.includes(t)).map((t) => t.textContent!.trim()),
      overlapping: overlapping.map((t) => t.textContent!.trim()),
      inside: label.left >= axis.left - 1 && label.right <= axis.right + 1,
    };
  });
}
