// Day mode on a day too large to list whole (issue #15): 400 stops on 12 vans. The routes of the day are listed
// folded ("Show stops" opens one); a stop selected elsewhere (the at-risk list) opens its route; the at-risk list
// names its first 100 and counts the rest; the event log lists the latest 200 events and says Export has them all;
// the stop actions of an opened route work as on a small day. A day of 1,500 stops (its prediction, Play and repair made
// a slice per task) shows whole days: the summary and the at-risk list agree after a clock step, Play logs, Repair and Accept work.
import type { Page } from '@playwright/test';
import { isOrderStep } from '../../web/src/domain/solution';
import { DEMO, makeLargeScenario, openScenario } from './plan-fixtures';
import { expect, mapRegion, test } from './support';

const STOPS = 400;
const VANS = 12;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

async function setTime(page: Page, value: string): Promise<void> {
  const time = page.getByLabel('Time', { exact: true });
  await time.fill(value);
  await time.press('Enter');
  await expect(time).toHaveValue(value);
}

test('a day of 400 stops lists its routes folded; a route opens on demand or when one of its stops is selected', async ({ page }) => {
  test.setTimeout(240_000);
  const large = makeLargeScenario(STOPS, VANS);
  const routes = large.plan!.solution.routes.map((r) => ({ vehicleId: r.vehicleId, orders: r.steps.filter(isOrderStep).map((s) => s.id) }));
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await openScenario(page, large);
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(STOPS), { timeout: 60_000 });
  await page.getByRole('button', { name: 'Dispatch' }).click();
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');

  const list = page.getByRole('region', { name: 'Routes of the day' });
  await expect(list.locator('article.day-route')).toHaveCount(VANS);
  await expect(list).toContainText(`${VANS} routes, ${STOPS} stops: open a route, or select a stop, to list its stops.`);
  // Folded: every route shows its progress and actions, no stop.
  await expect(list.getByRole('button', { name: 'Show stops' })).toHaveCount(VANS);
  await expect(list.locator('.day-stop')).toHaveCount(0);
  const first = list.locator(`article.day-route[data-vehicle-id="${routes[0].vehicleId}"]`);
  await expect(first.locator('.day-route__progress')).toHaveText(`0/${routes[0].orders.length}`);

  // Opened: its stops in driving order, with their actions; the others stay folded.
  const show = first.getByRole('button', { name: 'Show stops' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.click();
  const hide = first.getByRole('button', { name: 'Hide stops' });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await expect(first.getByRole('list', { name: /^Stops of / })).toBeVisible();
  await expect(first.locator('.day-stop')).toHaveCount(routes[0].orders.length);
  expect(await first.locator('.day-stop').evaluateAll((items) => items.map((li) => li.getAttribute('data-order-id')))).toEqual(routes[0].orders);
  await expect(list.locator('.day-stop')).toHaveCount(routes[0].orders.length);
  await first.getByRole('button', { name: 'Done' }).first().click();
  await expect(first.locator(`.day-stop[data-order-id="${routes[0].orders[0]}"]`)).toHaveAttribute('data-status', 'done');
  await expect(first.locator('.day-route__progress')).toHaveText(`1/${routes[0].orders.length}`);

  // A status import of 250 more stops done on the other routes: the log lists the latest 200 and says so.
  const done = routes.slice(1).flatMap((r) => r.orders.slice(0, 23).map((order, k) => ({ type: 'done', at: hhmm(7 * 60 + 20 + 8 * k), order }))).slice(0, 250);
  const file = JSON.stringify({ type: 'fmp-events', version: 1, events: done });
  const log = page.getByRole('region', { name: 'Event log' });
  await log.getByLabel('Import events').setInputFiles({ name: 'events.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(log.locator('.section-title .count')).toHaveText('251');
  await expect(log).toContainText('The latest 200 of 251 events; Export events has them all.');
  await expect(log.locator('.event-log__list > li')).toHaveCount(200);
  await expect(log.locator('.event-log__list > li').last()).toContainText(`${done[done.length - 1].order} done`);
  // The routes the import reached show it, still folded.
  const second = list.locator(`article.day-route[data-vehicle-id="${routes[1].vehicleId}"]`);
  await expect(second.locator('.day-route__progress')).toHaveText(`23/${routes[1].orders.length}`);
  await expect(second.locator('.day-stop')).toHaveCount(0);

  // Late in the evening every stop left is past its window: the at-risk list names 100 and counts the rest.
  await setTime(page, '22:00');
  const risky = page.getByRole('region', { name: 'At risk' });
  const items = risky.locator('.at-risk__item');
  await expect(items).toHaveCount(100);
  const total = Number((await risky.locator('.section-title .count').innerText()).replace(/,/g, ''));
  expect(total).toBeGreaterThan(100);
  await expect(risky).toContainText(`and ${total - 100} more, marked on the map and timeline.`);
  // A clock step predicts every route again; the at-risk items and the report's route rows are the same elements,
  // their figures taken in place (the lists were made again at every step).
  const reportRows = page.getByRole('region', { name: 'Day report' }).locator('tbody tr');
  await expect(reportRows).toHaveCount(VANS);
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('.at-risk__item, .day-report__table tbody tr')) (el as HTMLElement).dataset.seenBefore = '1';
  });
  const hoursBefore = await reportRows.first().locator('td').nth(4).innerText();
  await setTime(page, '22:30');
  await expect(reportRows.first().locator('td').nth(4)).not.toHaveText(hoursBefore);
  await expect(items).toHaveCount(100);
  expect(await page.locator('.at-risk__item[data-seen-before]').count(), 'at-risk items kept across the clock step').toBe(100);
  expect(await page.locator('.day-report__table tbody tr[data-seen-before]').count(), 'report rows kept across the clock step').toBe(VANS);
  // A stop selected from there opens its route in the list.
  const stopItem = risky.locator(`.at-risk__item[data-order-id]:not([data-vehicle-id="${routes[0].vehicleId}"])`).first();
  const orderId = (await stopItem.getAttribute('data-order-id'))!;
  const vehicleId = (await stopItem.getAttribute('data-vehicle-id'))!;
  expect(vehicleId).not.toBe(routes[0].vehicleId);
  const owner = list.locator(`article.day-route[data-vehicle-id="${vehicleId}"]`);
  await expect(owner.locator('.day-stop')).toHaveCount(0);
  await stopItem.getByRole('button').first().click();
  await expect(owner.locator(`.day-stop[data-order-id="${orderId}"]`)).toBeVisible();
  await expect(owner.getByRole('button', { name: 'Hide stops' })).toHaveAttribute('aria-expanded', 'true');
  // ...marked, and scrolled into view in the list.
  await expect(owner.locator(`.day-stop[data-order-id="${orderId}"]`)).toHaveClass(/\bis-selected\b/);
  await expect(owner.locator(`.day-stop[data-order-id="${orderId}"]`)).toBeInViewport();
});

test('a day of 1,500 stops is predicted, played and repaired a slice per task, and what it shows is whole', async ({ page }) => {
  test.setTimeout(240_000);
  const LARGE = 1500;
  const large = makeLargeScenario(LARGE, 40);
  const first = large.plan!.solution.routes[0];
  const firstOrders = first.steps.filter(isOrderStep).map((s) => s.id);
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await openScenario(page, large);
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(LARGE), { timeout: 60_000 });
  await page.getByRole('button', { name: 'Dispatch' }).click();
  const reportRows = page.getByRole('region', { name: 'Day report' }).locator('tbody tr');
  await expect(reportRows).toHaveCount(40);

  // What opened with the day and is made after it on a large day: the Calibration table (in a task of its own), a
  // POD report choice per route.
  await expect(page.getByRole('region', { name: 'Calibration' }).locator('table')).toBeVisible();
  await expect(page.getByLabel('POD report of').locator('option')).toHaveCount(40);

  // A clock step: the day shown follows once its new prediction is whole; the summary and the at-risk list agree.
  // A timeline row takes the new prediction in place: the same row, its bars moved (timeline-bars.test.ts).
  const row = page.locator(`.tl-row[data-vehicle-id="${first.vehicleId}"]`);
  const bar = row.locator(`.tl-stop[data-order-id="${firstOrders[5]}"]`);
  await expect(bar).toHaveCount(1);
  const barLabel = await bar.getAttribute('aria-label');
  await row.evaluate((el) => { (el as HTMLElement).dataset.seenBefore = '1'; });
  const hoursBefore = await reportRows.first().locator('td').nth(4).innerText();
  await setTime(page, '21:30');
  await expect(reportRows.first().locator('td').nth(4)).not.toHaveText(hoursBefore);
  await expect(bar).not.toHaveAttribute('aria-label', barLabel!);
  await expect(row).toHaveAttribute('data-seen-before', '1');
  const risky = page.getByRole('region', { name: 'At risk' });
  await expect.poll(async () => Number((await risky.locator('.section-title .count').innerText()).replace(/,/g, ''))).toBeGreaterThan(100);
  const total = Number((await risky.locator('.section-title .count').innerText()).replace(/,/g, ''));
  await expect(page.locator('[aria-label="Plan summary"]')).toContainText(`${total.toLocaleString('en-US')} at risk`);

  // A stop done: its route shows it.
  await setTime(page, '08:30');
  const list = page.getByRole('region', { name: 'Routes of the day' });
  const route = list.locator(`article.day-route[data-vehicle-id="${first.vehicleId}"]`);
  await route.getByRole('button', { name: 'Show stops' }).click();
  await route.getByRole('button', { name: 'Done' }).first().click();
  await expect(route.locator(`.day-stop[data-order-id="${firstOrders[0]}"]`)).toHaveAttribute('data-status', 'done');
  await expect(route.locator('.day-route__progress')).toHaveText(`1/${firstOrders.length}`);

  // Play: the simulated day (made a slice per task) is logged as the clock passes it.
  const log = page.getByRole('region', { name: 'Event log' });
  const logged = Number(await log.locator('.section-title .count').innerText());
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number((await log.locator('.section-title .count').innerText()).replace(/,/g, '')), { timeout: 30_000 }).toBeGreaterThan(logged + 20);
  await page.getByRole('button', { name: 'Pause' }).click();

  // Repair and Accept: the proposal is checked before it is shown, and Accept logs it with that verdict.
  await page.getByLabel('Level').selectOption('free');
  await page.getByRole('button', { name: 'Repair' }).click();
  const proposal = page.getByRole('group', { name: 'Repair proposal' });
  await expect(proposal).toBeVisible({ timeout: 60_000 });
  await expect(proposal).toContainText(/At risk \d+ → \d+; cost/);
  await proposal.getByRole('button', { name: 'Accept' }).click();
  await expect(proposal).toBeHidden();
  await expect(page.getByText(/^Repair applied \(at risk \d+ → \d+, \d+ moved\); the checker finds /)).toBeVisible();
  await expect(log.locator('.event-log__list > li').last()).toContainText('repair applied');
});
