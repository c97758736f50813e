// Seeing the plan in Chromium: the timeline draws a bar for every routed stop (a shipment's pickup and delivery each)
// and every break,
// selecting a stop or route in one place selects it everywhere, the KPI bar and
// the best-cost chart show after a solve, and a generated 2,000-stop plan stays usable.
import { type Page } from '@playwright/test';
import { expect, mapRegion, test } from './support';
import { DEMO, makeLargeScenario, makeTightScenario, openScenario, solveDemo } from './plan-fixtures';


const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });

/**
 * Bars not placed at their service start on the axis the timeline shows (its hour ticks): each bar's left edge
 * against the start its label names ("service 09:12–09:20"), to a minute. An empty list when every bar is right.
 */
const misplacedBars = (page: Page) => timeline(page).evaluate((region) => {
  const clock = (text: string) => { const [h, m] = text.split(':').map(Number); return h * 60 + m; };
  const ticks = [...region.querySelectorAll<HTMLElement>('.timeline__tick')].map((t) => ({ min: clock(t.textContent!), left: parseFloat(t.style.left) }));
  const first = ticks[0];
  const last = ticks[ticks.length - 1];
  const perMinute = (last.left - first.left) / (last.min - first.min);
  return [...region.querySelectorAll<HTMLElement>('.tl-stop')].flatMap((bar) => {
    const start = /service (\d\d:\d\d)–/.exec(bar.getAttribute('aria-label') ?? '')?.[1];
    const expected = start === undefined ? NaN : first.left + (clock(start) - first.min) * perMinute;
    const left = parseFloat(bar.style.left);
    return Math.abs(left - expected) <= perMinute ? [] : [`${bar.dataset.orderId} at ${left}%, service ${start} is ${expected}%`];
  });
});

test('the timeline draws every routed stop; a selection anywhere shows everywhere', async ({ page }, testInfo) => {
  await solveDemo(page);
  const unassignedIds = await page.getByRole('region', { name: 'Unassigned' }).locator('li[data-order-id]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-order-id')));
  // A bar per stop: one per routed job, two per routed shipment (its pickup, then its delivery).
  const routed = DEMO.orders.filter((o) => !unassignedIds.includes(o.id));
  const stops = routed.reduce((n, o) => n + (o.pickup ? 2 : 1), 0);
  await expect(timeline(page).locator('.tl-stop')).toHaveCount(stops);
  await expect(timeline(page)).toHaveAttribute('data-stop-count', String(stops));
  await expect(timeline(page).locator('.tl-stop[data-step-type="pickup"]')).toHaveCount(routed.filter((o) => o.pickup).length);
  await expect(timeline(page).locator('.tl-stop[data-step-type="delivery"]')).toHaveCount(routed.filter((o) => o.pickup).length);
  // Every used route has a row with its stops; the axis is labelled in hours.
  const routeStops = page.locator('.routes-table tr[data-vehicle-id]');
  for (const row of await routeStops.all()) {
    const vehicleId = await row.getAttribute('data-vehicle-id');
    const stops = Number(await row.locator('td.num').first().innerText());
    await expect(timeline(page).locator(`.tl-row[data-vehicle-id="${vehicleId}"] .tl-stop`)).toHaveCount(stops);
  }
  // Every driver on the road takes the demo's lunch break: one break bar per used route, inside 12:00–13:30.
  await expect(timeline(page).locator('.tl-break')).toHaveCount(await routeStops.count());
  await expect(timeline(page).locator('.tl-break').first()).toHaveAttribute('aria-label', /^Break lunch: 1[23]:\d\d–1[234]:\d\d; may start 12:00–13:30$/);
  await expect(timeline(page).locator('.timeline__tick').first()).toHaveText(/^\d\d:00$/);
  await expect(page.getByLabel('Plan summary')).toContainText('On time');
  await expect(page.getByLabel('Best cost over time')).toBeVisible();

  // A stop picked on the timeline is the selected stop in the panel, on the map and in the route list.
  const bar = timeline(page).locator('.tl-stop').nth(3);
  const orderId = await bar.getAttribute('data-order-id');
  expect(await misplacedBars(page)).toEqual([]);
  await bar.click();
  await expect(bar).toHaveAttribute('aria-pressed', 'true');
  await expect(mapRegion(page)).toHaveAttribute('data-selected', `order:${orderId}`);
  // Every stop of the order is selected in the list: one for a job, the pickup and the delivery of a shipment.
  const bars = await timeline(page).locator(`.tl-stop[data-order-id="${orderId}"]`).count();
  // The order's windows are marked on the timeline too: as many bands as its bars' labels name windows.
  const labels = await timeline(page).locator(`.tl-stop[data-order-id="${orderId}"]`).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  const windows = labels.reduce((n, label) => n + (/window (.*)$/.exec(label)![1].match(/\d\d:\d\d–\d\d:\d\d/g)?.length ?? 0), 0);
  await expect(timeline(page).locator('.tl-window.is-selected')).toHaveCount(windows);
  const selectedRows = page.locator(`.route-stop.is-selected[data-order-id="${orderId}"]`);
  await expect(selectedRows).toHaveCount(bars);
  await expect(selectedRows.first()).toBeVisible();
  // The open route's stop list shows its break where it falls, not as a stop.
  const openList = page.locator('.route-stops').filter({ has: selectedRows.first() });
  await expect(openList.locator('.route-stop[data-step-type="break"]')).toHaveCount(1);
  await expect(openList.locator('.route-stop[data-step-type="break"]')).toContainText('Break');
  await expect(page.getByRole('region', { name: 'Selected stop' })).toContainText(orderId!);

  // A route picked in the list is selected on the timeline too.
  const firstRoute = routeStops.first();
  const vehicleId = await firstRoute.getAttribute('data-vehicle-id');
  await firstRoute.locator('.route-name').click();
  await expect(mapRegion(page)).toHaveAttribute('data-selected', `route:${vehicleId}`);
  await expect(timeline(page).locator(`.tl-row[data-vehicle-id="${vehicleId}"]`)).toHaveClass(/is-selected/);
  await expect(timeline(page).locator('.tl-window.is-selected')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('timeline.png') });
});

test('a generated 2,000-stop plan draws on canvas and stays responsive', async ({ page }, testInfo) => {
  const large = makeLargeScenario(2000, 40);
  expect(large.plan?.solution.check.ok, large.plan?.solution.check.violations[0]?.message).toBe(true);
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await openScenario(page, large);

  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', '2000', { timeout: 30_000 });
  await expect(mapRegion(page)).toHaveAttribute('data-route-count', '40');
  await expect(mapRegion(page)).toHaveAttribute('data-untrusted-route-count', '0');
  // Stops and lines are canvas drawings, not thousands of SVG elements.
  await expect(mapRegion(page).locator('canvas')).toHaveCount(1);
  await expect(mapRegion(page).locator('path.leaflet-interactive')).toHaveCount(0);
  await expect(timeline(page).locator('.tl-stop')).toHaveCount(2000);

  // Pan and zoom the map, then check a click is still handled (speed itself is a benchmark matter).
  const box = (await mapRegion(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 10 });
  await page.mouse.up();
  await page.mouse.wheel(0, -300);
  const routeButton = page.locator('.routes-table tr[data-vehicle-id="van-7"] .route-name');
  await routeButton.click();
  await expect(routeButton).toHaveAttribute('aria-pressed', 'true');
  await expect(mapRegion(page)).toHaveAttribute('data-selected', 'route:van-7');

  // Evaluating a hand move on the large plan answers promptly as well.
  const stop = timeline(page).locator('.tl-row[data-vehicle-id="van-7"] .tl-stop').first();
  await stop.click();
  await page.getByLabel('Move to').selectOption('van-8');
  await expect(page.getByRole('region', { name: 'Selected stop' }).getByRole('status', { name: 'Move preview' })).toContainText('cost');
  await page.screenshot({ path: testInfo.outputPath('large-plan.png') });
});

test('unused vehicles come after the routes on the timeline, marked unused; a vehicle given a stop takes its fleet place', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  // "Van 0" leads the fleet but has no route.
  await openScenario(page, makeTightScenario((s) => {
    s.vehicles.unshift({ ...structuredClone(s.vehicles[0]), id: 'van-0', name: 'Van 0' });
  }));
  const rows = timeline(page).locator('.tl-row');
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-vehicle-id')))).toEqual(['van-a', 'van-b', 'van-0']);
  await expect(rows.nth(2).locator('.tl-row__count')).toHaveText('unused');
  await expect(rows.nth(0).locator('.tl-row__count')).toHaveText('2');
  expect(await misplacedBars(page)).toEqual([]);
  // Move "b2" onto Van 0: it now has a route, so it leads the fleet again.
  await timeline(page).locator('.tl-row[data-vehicle-id="van-b"] .tl-stop[data-order-id="b2"]').focus();
  await page.keyboard.press('Enter');
  const card = page.getByRole('region', { name: 'Selected stop' });
  await card.getByLabel('Move to').selectOption('van-0');
  await expect(card.getByRole('status', { name: 'Move preview' })).toContainText('cost');
  await card.getByRole('button', { name: 'Move' }).click();
  await expect(timeline(page).locator('.tl-row[data-vehicle-id="van-0"] .tl-stop[data-order-id="b2"]')).toBeVisible();
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-vehicle-id')))).toEqual(['van-0', 'van-a', 'van-b']);
  await expect(rows.nth(0).locator('.tl-row__count')).toHaveText('1');
  // Every bar is placed on the axis of the new plan.
  expect(await misplacedBars(page)).toEqual([]);
});
