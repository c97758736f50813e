// The plan's risk in Chromium (issue #14): after Optimize on the demo, the
// Risk region shows the expected late stops, each route's chance that every
// stop is on time and the weakest promises; the timeline draws a P10–P90
// whisker per stop and the map counts its stops by risk level.
import { type Page } from '@playwright/test';
import { expect, mapRegion, test } from './support';
import { solveDemo } from './plan-fixtures';

const riskRegion = (page: Page) => page.getByRole('region', { name: 'Risk' });
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });

test('after Optimize the Risk region shows expected late stops and the weakest promises; the timeline has whiskers', async ({ page }) => {
  await solveDemo(page);
  const region = riskRegion(page);
  await expect(region).toContainText(/Expected late stops: \d+\.\d/, { timeout: 60_000 });
  await expect(region).toContainText('2,000 simulated days');
  // One line per used route, each with a share of days with every stop on time.
  const routes = region.locator('.risk__routes li');
  await expect(routes).toHaveCount(await page.locator('.routes-table tr[data-vehicle-id]').count());
  await expect(routes.first()).toHaveText(/: \d+(\.\d)? %$/);
  // The weakest promises: at most 10, each with P(on time) as %, a median start and a reason.
  const weakest = region.getByRole('list', { name: 'Weakest promises' }).locator('li');
  const count = await weakest.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(10);
  await expect(weakest.first()).toContainText(/\d+(\.\d)? % on time/);
  await expect(weakest.first()).toContainText(/median start \d\d:\d\d/);
  await expect(weakest.first().locator('.risk__why')).toHaveText(/^(long leg|tight window|chain of short slacks): /);
  // A whisker for every stop bar of the timeline.
  // Counted against the timeline's own stop count, each waited for: its bars are drawn a few rows a frame.
  const stops = Number(await timeline(page).getAttribute('data-stop-count'));
  expect(stops).toBeGreaterThan(0);
  await expect(timeline(page).locator('.tl-stop')).toHaveCount(stops);
  await expect(timeline(page).locator('.tl-whisker')).toHaveCount(stops);
  // The map has its planned stops graded by risk.
  await expect(mapRegion(page)).toHaveAttribute('data-risk-levels', /^low:\d+ medium:\d+ high:\d+$/);
});

test('an edit that makes the plan stale clears the risk, its whiskers and the map grading', async ({ page }) => {
  await solveDemo(page);
  await expect(riskRegion(page)).toContainText('Expected late stops', { timeout: 60_000 });
  await expect(timeline(page).locator('.tl-whisker').first()).toBeAttached();
  // An edit of an order changes the problem: the plan is out of date and its risk no longer stands.
  await timeline(page).locator('.tl-stop').first().click();
  await page.getByRole('region', { name: 'Selected stop' }).getByRole('button', { name: 'Edit order' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit order' });
  await edit.getByLabel('Notes').fill('Ring twice');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Plan out of date')).toBeVisible();
  await expect(riskRegion(page)).toHaveCount(0);
  await expect(timeline(page).locator('.tl-whisker')).toHaveCount(0);
  await expect(mapRegion(page)).toHaveAttribute('data-risk-levels', '');
});

test('a stop moved to another route: the other routes keep their whiskers through the new estimate, the two changed get new ones', async ({ page }) => {
  await solveDemo(page);
  const region = riskRegion(page);
  const estimated = async () => {
    await expect(region).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await expect(region).toContainText('Expected late stops');
  };
  await estimated();
  const used = await Promise.all((await timeline(page).locator('.tl-row:has(.tl-stop)').all()).map((r) => r.getAttribute('data-vehicle-id')));
  expect(used.length).toBeGreaterThanOrEqual(3);
  const card = page.getByRole('region', { name: 'Selected stop' });
  const preview = card.getByRole('status', { name: 'Move preview' });
  const bars = (vehicleId: string) => timeline(page).locator(`.tl-row[data-vehicle-id="${vehicleId}"] .tl-stop`);
  // A new hour axis (a route now ending past the last hour shown) draws every bar again, whiskers too: a move that
  // changes it is undone and the next one tried.
  const axis = () => timeline(page).locator('.timeline__tick').allInnerTexts();
  const hours = await axis();
  let checked = false;
  // Moves that break no rule (one that does makes the plan fail the check, and a failed plan has no risk): the first
  // stops of each route, to each other route.
  for (const from of used) {
    for (let i = 0; i < 3 && !checked; i++) {
      for (const to of used) {
        if (to === from || checked) continue;
        const orderId = (await bars(from!).nth(i).getAttribute('data-order-id'))!;
        await bars(from!).nth(i).click();
        await card.getByLabel('Move to').selectOption(to!);
        await expect(preview).toContainText('cost');
        if ((await preview.getAttribute('class'))!.includes('move-preview--bad')) continue;
        const other = used.find((v) => v !== from && v !== to)!;
        const otherRow = timeline(page).locator(`.tl-row[data-vehicle-id="${other}"]`);
        const otherWhiskers = otherRow.locator('.tl-whisker');
        const whiskerCount = await otherWhiskers.count();
        expect(whiskerCount).toBeGreaterThan(0);
        expect(whiskerCount).toBe(await bars(other).count());
        // Each whisker element is marked: one made again (dropped while the new estimate ran, then drawn anew) has no mark.
        await otherWhiskers.evaluateAll((els) => els.forEach((el) => el.setAttribute('data-test-mark', 'kept')));

        await card.getByRole('button', { name: /^Move/ }).click();
        await expect(timeline(page).locator(`.tl-row[data-vehicle-id="${to}"] .tl-stop[data-order-id="${orderId}"]`)).toHaveCount(1);
        await estimated();
        if (JSON.stringify(await axis()) !== JSON.stringify(hours)) {
          await page.getByRole('button', { name: 'Undo', exact: true }).click();
          await expect(timeline(page).locator(`.tl-row[data-vehicle-id="${from}"] .tl-stop[data-order-id="${orderId}"]`)).not.toHaveCount(0);
          await estimated();
          continue;
        }
        // The new plan's estimate has landed: a whisker for every stop bar again, the moved stop's among them.
        await expect(timeline(page).locator('.tl-whisker')).toHaveCount(await timeline(page).locator('.tl-stop').count());
        await expect(timeline(page).locator(`.tl-row[data-vehicle-id="${to}"] .tl-whisker`)).toHaveCount(await bars(to!).count());
        // The untouched route's whiskers are the very elements they were.
        await expect(otherWhiskers).toHaveCount(whiskerCount);
        await expect(otherRow.locator('.tl-whisker[data-test-mark="kept"]')).toHaveCount(whiskerCount);
        await expect(mapRegion(page)).toHaveAttribute('data-risk-levels', /^low:\d+ medium:\d+ high:\d+$/);
        checked = true;
      }
    }
    if (checked) break;
  }
  expect(checked, 'a move that breaks no rule and keeps the hour axis').toBe(true);
});
