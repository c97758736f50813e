// The built-in demo in Chromium: after Optimize, the two orders no crew can
// serve are listed as unassigned, each with the rule that blocks it and the
// fix per vehicle; a shipment shows as a pickup stop, then a delivery stop,
// on one route. Fails on any console error of the app.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Scenario } from '../../web/src/domain/scenario';
import { expect, mapRegion, test, viewsCaughtUp } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as Scenario;
/** The orders designed to be unservable (see tests/fixtures/demo/generate-demo.ts). */
const ELECTRICIAN = DEMO.orders.find((o) => o.skills?.includes('electrician'))!;
const PIANO = DEMO.orders.find((o) => o.crewSize === 3)!;
const SHIPMENT = DEMO.orders.find((o) => o.pickup)!;

const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });

async function solveDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  const limit = page.getByLabel('Time limit (s)');
  await limit.fill('2');
  await limit.press('Tab');
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByText('Finished.')).toBeVisible({ timeout: 60_000 });
  await expect(mapRegion(page)).not.toHaveAttribute('data-route-count', '0');
  await viewsCaughtUp(page);
}

test('the solved demo lists the orders no crew can serve, each with its blocking rule and fixes', async ({ page }, testInfo) => {
  await solveDemo(page);
  await expect(page.getByText('failed the independent check')).toHaveCount(0);
  await expect(mapRegion(page)).toHaveAttribute('data-untrusted-route-count', '0');

  const panel = page.getByRole('region', { name: 'Unassigned' });
  await expect(panel.locator('li[data-order-id]')).toHaveCount(2);

  const skill = panel.locator(`li[data-order-id="${ELECTRICIAN.id}"]`);
  await expect(skill).toContainText(ELECTRICIAN.customerName);
  await expect(skill.locator('.unassigned__rule')).toHaveText('Skill: no vehicle has the skill it needs');
  const skillFixes = skill.getByRole('list', { name: 'Smallest fixes' }).getByRole('listitem');
  await expect(skillFixes).toHaveCount(3);
  await expect(skillFixes.first()).toContainText('skill electrician (none in the fleet)');

  const crew = panel.locator(`li[data-order-id="${PIANO.id}"]`);
  await expect(crew).toContainText(PIANO.customerName);
  await expect(crew.locator('.unassigned__rule')).toHaveText('Crew size: no vehicle has a crew that large');
  const crewFixes = crew.getByRole('list', { name: 'Smallest fixes' }).getByRole('listitem');
  await expect(crewFixes).toHaveCount(3);
  await expect(crewFixes.first()).toHaveText('Van 1: needs a crew of 3 (has 2)');

  await page.screenshot({ path: testInfo.outputPath('demo-solved.png') });
});

test('a shipment shows as a pickup stop, then its delivery stop, on one route', async ({ page }, testInfo) => {
  await solveDemo(page);
  const row = timeline(page).locator(`.tl-row:has(.tl-stop[data-order-id="${SHIPMENT.id}"])`);
  await expect(row).toHaveCount(1);
  const bars = row.locator(`.tl-stop[data-order-id="${SHIPMENT.id}"]`);
  await expect(bars).toHaveCount(2);
  await expect(bars.first()).toHaveAttribute('aria-label', /pick ?up/i);
  await expect(bars.first()).toHaveAttribute('data-step-type', 'pickup');
  await expect(bars.first().locator('.tl-stop__kind')).toHaveText('P');
  await expect(bars.last()).toHaveAttribute('aria-label', /deliver/i);
  await expect(bars.last()).toHaveAttribute('data-step-type', 'delivery');
  await expect(bars.last().locator('.tl-stop__kind')).toHaveText('D');
  const boxes = await bars.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().left));
  expect(boxes[0]).toBeLessThan(boxes[1]);

  // The same two stops, in the same order, in the route's stop list.
  const vehicleId = (await row.getAttribute('data-vehicle-id'))!;
  await page.locator(`.routes-table tr[data-vehicle-id="${vehicleId}"] .route-name`).click();
  const stops = page.locator(`.route-stop[data-order-id="${SHIPMENT.id}"]`);
  await expect(stops).toHaveCount(2);
  await expect(stops.first()).toContainText(/pick ?up/i);
  await expect(stops.first()).toHaveAttribute('data-step-type', 'pickup');
  await expect(stops.last()).toContainText(/deliver/i);
  await expect(stops.last()).toHaveAttribute('data-step-type', 'delivery');

  // Selecting the shipment on the timeline selects it everywhere: map (drawn as routed), both list rows, the stop card.
  await bars.last().click();
  await expect(mapRegion(page)).toHaveAttribute('data-selected', `order:${SHIPMENT.id}`);
  await expect(bars.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`.route-stop.is-selected[data-order-id="${SHIPMENT.id}"]`)).toHaveCount(2);
  const card = page.getByRole('region', { name: 'Selected stop' });
  await expect(card).toContainText(SHIPMENT.id);
  await expect(card).toContainText(/pickup \d\d:\d\d, delivery \d\d:\d\d/);
  await expect(page.getByRole('region', { name: 'Unassigned' }).locator(`li[data-order-id="${SHIPMENT.id}"]`)).toHaveCount(0);
  const shipments = DEMO.orders.filter((o) => o.pickup).length;
  await expect(mapRegion(page)).toHaveAttribute('data-pickup-count', String(shipments));
  // The map's key names the pickup places it draws.
  await expect(page.getByRole('complementary', { name: 'Map legend' })).toContainText('Pickup place of a shipment');
  await expect(mapRegion(page)).toHaveAttribute('data-unassigned-count', '2');
  await page.screenshot({ path: testInfo.outputPath('demo-shipment.png') });
});
