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
  const whiskers = await timeline(page).locator('.tl-whisker').count();
  expect(whiskers).toBeGreaterThan(0);
  expect(whiskers).toBe(await timeline(page).locator('.tl-stop').count());
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
