// Import and export in Chromium: a CSV with unfamiliar headers and bad rows is
// mapped, fixed inline and imported; every export is downloaded and read back
// (plan CSV rows, GeoJSON feature counts, VROOM problem and solution, scenario file re-imported equal); the
// driver manifest renders for print. Fails on any console error of the app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Download, type Page } from '@playwright/test';
import { expect, mapRegion, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as { name: string; orders: unknown[] };
const ORDERS_CSV = fileURLToPath(new URL('../fixtures/csv/orders-odd-headers.csv', import.meta.url));


async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
}

async function optimize(page: Page): Promise<void> {
  const input = page.getByLabel('Time limit (s)');
  await input.fill('2');
  await input.press('Tab');
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(mapRegion(page)).not.toHaveAttribute('data-route-count', '0', { timeout: 60_000 });
  await expect(mapRegion(page)).toHaveAttribute('data-route-count', /\d+/);
  await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled();
}

async function download(page: Page, item: string): Promise<{ file: Download; text: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return { file, text: readFileSync((await file.path())!, 'utf8') };
}

test('imports a CSV with unfamiliar headers: bad rows fixed inline or removed, the rest imported', async ({ page }, testInfo) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Choose a file to import').setInputFiles(ORDERS_CSV);

  // Columns were matched from headers like "Ref.", "Latitude (WGS84)", "Poids (kg)".
  await expect(dialog.getByLabel('Field for column Ref.')).toHaveValue('id');
  await expect(dialog.getByLabel('Field for column Latitude (WGS84)')).toHaveValue('lat');
  await expect(dialog.getByLabel('Field for column Poids (kg)')).toHaveValue('amount:0');
  await expect(dialog.getByLabel('Field for column Gate code')).toHaveValue('extra');
  await page.screenshot({ path: testInfo.outputPath('import-mapping.png') });

  await dialog.getByRole('button', { name: 'Check rows' }).click();
  const problems = dialog.getByRole('list', { name: 'Rows that need attention' });
  await expect(problems.locator('.fix-row')).toHaveCount(3);
  await expect(problems).toContainText('row 4, Latitude (column “Latitude (WGS84)”): latitude must be ≤ 90');
  await expect(problems).toContainText('row 6, Coordinates (column “Latitude (WGS84)”): coordinates are required (geocoding is not available offline)');
  await expect(problems).toContainText("row 8, Service type (column “Level”): unknown service type 'express'");
  await page.screenshot({ path: testInfo.outputPath('import-review.png') });

  await dialog.getByLabel('Row 4 Latitude (WGS84)').fill('45,76088');
  await dialog.getByLabel('Row 4 Latitude (WGS84)').press('Tab');
  await expect(problems.locator('.fix-row')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Remove row 6' }).click();
  await expect(problems.locator('.fix-row')).toHaveCount(1);

  await dialog.getByRole('button', { name: 'Import 10 orders' }).click();
  await expect(dialog.getByText('Imported 10 orders.')).toBeVisible();
  // Row 8 is still there, kept aside, with its reason.
  await expect(dialog.getByText('1 kept aside (not imported)')).toBeVisible();
  await expect(problems).toContainText('row 8, Service type');
  await page.screenshot({ path: testInfo.outputPath('import-done.png') });
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  const total = DEMO.orders.length + 10;
  await expect(page.locator('.header-scenario')).toContainText(`${total} orders`);
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(total));
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toContainText('1');
});

test('every export downloads and reads back; the manifest prints one page per route', async ({ page }, testInfo) => {
  await openDemo(page);
  await optimize(page);

  const scenarioFile = await download(page, 'Scenario file');
  expect(scenarioFile.file.suggestedFilename()).toMatch(/\.fmp\.json$/);
  const exported = JSON.parse(scenarioFile.text) as { type: string; version: number; scenario: { id: string; name: string; orders: { id: string }[]; plan: { solution: { routes: { steps: { type: string }[] }[]; unassigned: unknown[] } } } };
  expect(exported).toMatchObject({ type: 'final-mile-scenario-file', version: 1 });
  const routes = exported.scenario.plan.solution.routes.filter((r) => r.steps.some((s) => s.type === 'job'));
  const stops = routes.reduce((n, r) => n + r.steps.filter((s) => s.type === 'job').length, 0);
  const unassigned = exported.scenario.plan.solution.unassigned.length;
  expect(stops + unassigned).toBe(DEMO.orders.length);

  const csv = await download(page, 'Plan (CSV)');
  const lines = csv.text.replace(/^\ufeff/, '').split('\r\n');
  expect(lines[0]).toMatch(/^Vehicle,Sequence,Order id,Name,Address,Lat,Lng,Arrival,Wait \(min\),Service start,Departure,Window,Service type/);
  expect(lines.slice(1).filter((l) => l.includes(',planned,'))).toHaveLength(stops);
  expect(lines).toHaveLength(1 + DEMO.orders.length);

  const geo = JSON.parse((await download(page, 'Map data (GeoJSON)')).text) as { type: string; features: { geometry: { type: string }; properties: { kind: string } }[] };
  expect(geo.type).toBe('FeatureCollection');
  const count = (kind: string) => geo.features.filter((f) => f.properties.kind === kind).length;
  expect(count('depot')).toBe(1);
  expect(count('route')).toBe(routes.length);
  expect(count('stop')).toBe(stops);
  expect(count('order')).toBe(unassigned);
  expect(geo.features.filter((f) => f.geometry.type === 'LineString')).toHaveLength(routes.length);

  const problem = JSON.parse((await download(page, 'VROOM problem (JSON)')).text) as { jobs: unknown[]; vehicles: unknown[] };
  expect(problem.jobs).toHaveLength(DEMO.orders.length);
  expect(problem.vehicles).toHaveLength(6);
  const vroomPlan = JSON.parse((await download(page, 'VROOM solution (JSON)')).text) as { routes: { vehicle: number; steps: { type: string; id?: number }[] }[]; unassigned: unknown[] };
  expect(vroomPlan.routes).toHaveLength(routes.length);
  expect(vroomPlan.routes.flatMap((r) => r.steps).filter((step) => step.type === 'job')).toHaveLength(stops);
  expect(vroomPlan.unassigned).toHaveLength(unassigned);

  // The scenario file opens again as its own scenario, equal in everything but its id.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('dialog').getByLabel('Choose a file to import').setInputFiles(await scenarioFile.file.path());
  await page.getByRole('dialog').getByRole('button', { name: 'Open scenario' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  const again = JSON.parse((await download(page, 'Scenario file')).text) as typeof exported;
  expect(again.scenario.id).not.toBe(exported.scenario.id);
  expect({ ...again.scenario, id: 'x' }).toEqual({ ...exported.scenario, id: 'x' });

  // Print: the dialog is stubbed; the print-only view is what the printer gets.
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /Print manifest/ }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.manifest__page')).toHaveCount(routes.length);
  await expect(page.locator('#root')).toBeHidden();
  await expect(page.locator('.manifest__page').first().locator('tbody tr')).toHaveCount(routes[0].steps.filter((s) => s.type === 'job').length);
  await page.screenshot({ path: testInfo.outputPath('manifest-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.manifest')).toBeHidden();
});
