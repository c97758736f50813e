// A new user plans their own city from spreadsheets, in Chromium (issue #10's
// acceptance): a blank scenario, three depots placed on the map, vehicles from a
// CSV with crews, skills, features, coordinate starts and shifts, orders from an
// OptimoRoute-style and a Circuit-style CSV with no manual column mapping, one
// order and one vehicle edited in forms, Optimize, every skill and feature
// honoured on the plan (checked here, outside the app), and the orders and
// vehicles exported as CSV re-importing to the same scenario.
import { readFileSync } from 'node:fs';
import { type Locator, type Page } from '@playwright/test';
import { checkSolution } from '../../web/src/domain/check';
import type { Order, Scenario } from '../../web/src/domain/scenario';
import { resolveOrder } from '../../web/src/domain/service-types';
import { expect, mapRegion, optimize, test } from './support';

const FIXTURES = new URL('../fixtures/import/', import.meta.url);
const fixture = (name: string) => new URL(name, FIXTURES).pathname;
const depotsRegion = (page: Page) => page.getByRole('region', { name: 'Depots' });
const meta = (page: Page) => page.locator('.header-meta');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

async function newBlankScenario(page: Page, name: string, date: string): Promise<void> {
  await page.getByRole('button', { name: 'Scenarios' }).click();
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: 'New scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'New scenario' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Date').fill(date);
  await expect(dialog.getByLabel('Blank')).toBeChecked();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

/** Adds a depot by typing its place, or (no location) by clicking the map at (fx, fy) of its box. */
async function addDepot(page: Page, name: string, place: string | { fx: number; fy: number }): Promise<void> {
  const region = depotsRegion(page);
  await region.getByRole('button', { name: 'Add depot' }).click();
  await region.getByLabel('Name', { exact: true }).fill(name);
  if (typeof place === 'string') {
    await region.getByLabel('Location').fill(place);
  } else {
    await region.getByRole('button', { name: 'Place on map' }).click();
    const box = (await mapRegion(page).boundingBox())!;
    await page.mouse.click(box.x + box.width * place.fx, box.y + box.height * place.fy);
    await expect(region.getByLabel('Location')).toHaveValue(/^45\.\d+, -122\.\d+$/);
  }
  await region.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTitle(`Depot: ${name}`)).toBeVisible();
}

/** Opens the Import dialog on a file and checks its rows; the caller reviews, then presses Import. */
async function importFile(page: Page, path: string, kind: 'Orders' | 'Vehicles'): Promise<Locator> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Choose a file to import').setInputFiles(path);
  await expect(dialog.getByRole('radio', { name: kind })).toBeChecked();
  return dialog;
}

async function finishImport(dialog: Locator, button: string, done: RegExp): Promise<void> {
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog.getByText(done)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();
}

async function download(page: Page, item: string): Promise<{ path: string; text: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  const path = (await file.path())!;
  return { path, text: readFileSync(path, 'utf8') };
}

async function exportedScenario(page: Page): Promise<Scenario> {
  return (JSON.parse((await download(page, 'Scenario file')).text) as { scenario: Scenario }).scenario;
}

/** Every served order's skills are the crew's or the truck's, and its crew is big enough — checked here, not by the app. */
function expectCapabilitiesHonoured(scenario: Scenario): void {
  const vehicles = new Map(scenario.vehicles.map((v) => [v.id, v]));
  const orders = new Map(scenario.orders.map((o) => [o.id, o]));
  let skilled = 0;
  for (const route of scenario.plan!.solution.routes) {
    const vehicle = vehicles.get(route.vehicleId)!;
    expect(vehicle.crew, `${vehicle.id} has a crew`).toBeTruthy();
    const offered = new Set([...(vehicle.crew?.skills ?? []), ...(vehicle.features ?? [])]);
    for (const step of route.steps) {
      const order = orders.get(step.id ?? '');
      if (!order) continue;
      const needs = resolveOrder(scenario.settings, order);
      for (const skill of needs.skills) expect(offered.has(skill), `${order.id} needs ${skill}, ${vehicle.id} offers ${[...offered].join(', ')}`).toBe(true);
      expect(vehicle.crew!.size, `${order.id} crew`).toBeGreaterThanOrEqual(needs.crewSize);
      if (needs.skills.length) skilled += 1;
    }
  }
  expect(skilled, 'orders with skill or feature needs were planned').toBeGreaterThanOrEqual(5);
}

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
const place = (d: Scenario['depots'][number]) => ({ name: d.name, lat: d.lat, lng: d.lng, open: d.open, close: d.close });

test('a new user sets up Portland from spreadsheets, plans it with every skill honoured, and the CSV export re-imports equal', async ({ page }) => {
  await page.goto('/');
  await expect(mapRegion(page)).not.toHaveAttribute('data-stop-count', '0');
  await newBlankScenario(page, 'Portland Tuesday', '2026-12-01');
  await expect(meta(page)).toContainText('0 orders · 0 vehicles · 0 depots');

  // Three depots: one typed, two placed by clicks on the map (which has framed the first).
  await addDepot(page, 'Portland Central', '45.5231, -122.6765');
  await addDepot(page, 'Portland East', { fx: 0.75, fy: 0.45 });
  await addDepot(page, 'Portland North', { fx: 0.4, fy: 0.2 });
  await expect(meta(page)).toContainText('3 depots');
  await shot(page, '1-depots');

  // Vehicles: crews and skills apart from features, coordinate starts reviewed as new depots.
  const fleet = await importFile(page, fixture('portland-vehicles.csv'), 'Vehicles');
  await expect(fleet.getByLabel('Field for column Skills')).toHaveValue('crewSkills');
  await fleet.getByRole('button', { name: 'Check rows' }).click();
  await expect(fleet.getByRole('table', { name: 'Depots to create' }).locator('tbody tr')).toHaveCount(2);
  await expect(fleet.getByText('Kept without a rule')).toContainText('Driver phone');
  await shot(page, '2-vehicles-review');
  await finishImport(fleet, 'Import 5 vehicles', /Imported 5 vehicles/);
  await expect(meta(page)).toContainText('5 vehicles · 5 depots');

  // Orders from two tools' templates, matched with no manual mapping.
  const optimo = await importFile(page, fixture('portland-optimoroute.csv'), 'Orders');
  await optimo.getByRole('button', { name: 'Check rows' }).click();
  await shot(page, '3-optimoroute-review');
  await finishImport(optimo, 'Import 12 orders', /Imported 12 orders/);
  const circuit = await importFile(page, fixture('portland-circuit.csv'), 'Orders');
  await circuit.getByRole('button', { name: 'Check rows' }).click();
  await finishImport(circuit, 'Import 10 orders', /Imported 10 orders/);
  await expect(meta(page)).toContainText('22 orders');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', '22');
  await shot(page, '4-imported');

  // One order and one vehicle edited in their forms.
  await page.getByRole('banner').getByRole('button', { name: 'Orders', exact: true }).click();
  const ordersDialog = page.getByRole('dialog', { name: 'Orders' });
  await ordersDialog.getByRole('button', { name: 'Edit order PDX-1003' }).click();
  const orderForm = page.getByRole('dialog', { name: 'Edit order' });
  await orderForm.getByLabel('Window 1 end').fill('16:00');
  await orderForm.getByLabel('Notes').fill('Reception desk, ask for Dr. Kim');
  await orderForm.getByRole('button', { name: 'Save' }).click();
  await expect(orderForm).toBeHidden();
  await expect(ordersDialog.locator('tr[data-order-id="PDX-1003"]')).toContainText('10:00–16:00');
  await ordersDialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  await page.getByRole('banner').getByRole('button', { name: 'Vehicles', exact: true }).click();
  const vehiclesDialog = page.getByRole('dialog', { name: 'Vehicles' });
  await vehiclesDialog.getByRole('button', { name: 'Edit Kevin Walsh' }).click();
  const vehicleForm = page.getByRole('dialog', { name: 'Edit vehicle' });
  await vehicleForm.getByLabel('Shift end').fill('18:00');
  await vehicleForm.getByLabel('Features').fill('tool kit, liftgate');
  await vehicleForm.getByRole('button', { name: 'Save' }).click();
  await expect(vehicleForm).toBeHidden();
  await expect(vehiclesDialog.locator('tr[data-vehicle-id="PDX-V2"]')).toContainText('08:00–18:00');
  await shot(page, '5-vehicles');
  await vehiclesDialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  await optimize(page, 3);
  await expect(mapRegion(page)).toHaveAttribute('data-untrusted-route-count', '0');
  await shot(page, '6-planned');

  // The plan, re-checked outside the app: rules, skills and features.
  const planned = await exportedScenario(page);
  expect(planned.orders.find((o) => o.id === 'PDX-1003')!.timeWindows).toEqual([{ start: 600, end: 960 }]);
  expect(planned.vehicles.find((v) => v.id === 'PDX-V2')).toMatchObject({ shift: { end: 1080 }, features: ['tool kit', 'liftgate'] });
  const check = checkSolution(planned, planned.plan!.solution);
  expect(check.violations).toEqual([]);
  expectCapabilitiesHonoured(planned);

  // Round trip: the orders and vehicles as CSV, re-imported into a blank scenario, give the same scenario.
  const ordersCsv = await download(page, 'Orders (CSV)');
  const vehiclesCsv = await download(page, 'Vehicles (CSV)');
  await newBlankScenario(page, 'Portland again', '2026-12-01');
  const again = await importFile(page, vehiclesCsv.path, 'Vehicles');
  await again.getByRole('button', { name: 'Check rows' }).click();
  await finishImport(again, 'Import 5 vehicles', /Imported 5 vehicles/);
  const againOrders = await importFile(page, ordersCsv.path, 'Orders');
  await againOrders.getByRole('button', { name: 'Check rows' }).click();
  await finishImport(againOrders, 'Import 22 orders', /Imported 22 orders/);
  const reimported = await exportedScenario(page);
  expect(byId(reimported.orders) as Order[]).toEqual(byId(planned.orders));
  expect(byId(reimported.vehicles)).toEqual(byId(planned.vehicles));
  // Depots the fleet uses come back with their names, places and hours (the CSV carries no unused depot).
  const used = new Set(planned.vehicles.flatMap((v) => [v.startDepotId, v.endDepotId]));
  expect(byId(reimported.depots).map(place)).toEqual(byId(planned.depots.filter((d) => used.has(d.id))).map(place));
  await shot(page, '7-reimported');
});
