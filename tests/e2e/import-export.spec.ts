// Import and export in Chromium: a CSV with unfamiliar headers and bad rows is
// mapped, fixed inline and imported; every export is downloaded and read back
// (plan CSV rows, GeoJSON feature counts, VROOM problem and solution, scenario file re-imported equal, pins included); the
// driver manifest renders for print. Fails on any console error of the app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Download, type Page } from '@playwright/test';
import { expect, mapRegion, optimize, test } from './support';
import { writeWorkbook, type XlsxCell } from '../fuzz/xlsx-writer';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as { name: string; orders: { id: string; pickup?: unknown }[] };
/** Step types serving an order: a job, or a shipment's pickup then its delivery (same order id). */
const ORDER_STEPS = ['job', 'pickup', 'delivery'];
const isShipment = (orderId: string) => Boolean(DEMO.orders.find((o) => o.id === orderId)?.pickup);
const ORDERS_CSV = fileURLToPath(new URL('../fixtures/csv/orders-odd-headers.csv', import.meta.url));


async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
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
  await expect(problems).toContainText('row 6, Coordinates (column “Latitude (WGS84)”): no coordinates yet: geocode the address or place it on the map');
  await expect(problems).toContainText("row 8, Service type (column “Level”): unknown service type 'express'");
  await page.screenshot({ path: testInfo.outputPath('import-review.png') });

  await dialog.getByLabel('Row 4 Latitude (WGS84)').fill('45,76088');
  await dialog.getByLabel('Row 4 Latitude (WGS84)').press('Tab');
  await expect(problems.locator('.fix-row')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Remove row 6' }).click();
  await expect(problems.locator('.fix-row')).toHaveCount(1);

  // Over the demo's orders an import replaces them unless told to add.
  await expect(dialog.getByRole('radio', { name: `Replace the ${DEMO.orders.length} orders` })).toBeChecked();
  await dialog.getByText(`Add to the ${DEMO.orders.length} orders`).click();
  await dialog.getByRole('button', { name: 'Import 10 orders' }).click();
  await expect(dialog.getByText('Imported 10 orders.')).toBeVisible();
  // Row 8 is still there, kept aside, with its reason.
  await expect(dialog.getByText('1 kept aside (not imported)')).toBeVisible();
  await expect(problems).toContainText('row 8, Service type');
  await page.screenshot({ path: testInfo.outputPath('import-done.png') });
  // Another file would drop it from the list: asked first, and kept when the answer is to keep fixing.
  await dialog.getByRole('button', { name: 'Import another file' }).click();
  const ask = page.getByRole('dialog', { name: '1 row kept aside is not imported' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep fixing' }).click();
  await expect(ask).toBeHidden();
  await expect(problems).toContainText('row 8, Service type');
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  const total = DEMO.orders.length + 10;
  await expect(page.locator('.header-scenario')).toContainText(`${total} orders`);
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(total));
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toContainText('1');
});

test('a job export with pickups and deliveries in rows of their own imports shipments, planned pickup first on one route', async ({ page }, testInfo) => {
  await openDemo(page);
  // Stops of a job as a job export writes them: one row each, linked by the job; J3's delivery comes first.
  const jobs = [
    'Job,Task type,Customer,Address,Latitude,Longitude,Time window,Weight (kg)',
    'J1,Pickup,Atelier Nord,2 Rue Pasteur,45.7640,4.8420,08:00-10:00,',
    'J1,Dropoff,Mme Durand,14 Rue Garibaldi,45.7580,4.8530,10:00-14:00,30',
    'J2,Pickup,Atelier Nord,2 Rue Pasteur,45.7640,4.8420,08:00-10:00,20',
    'J2,Dropoff,M. Leroy,8 Avenue Berthelot,45.7440,4.8450,,',
    'J3,Dropoff,Mme Caron,3 Rue de Gerland,45.7300,4.8330,11:00-16:00,15',
    'J3,Pickup,Dépôt Sud,40 Route de Vienne,45.7250,4.8600,09:00-12:00,15',
    'J4,Pickup,Atelier Nord,2 Rue Pasteur,45.7640,4.8420,08:00-11:00,',
    'J4,Dropoff,M. Fabre,22 Cours Lafayette,45.7630,4.8560,,40',
    'J5,Dropoff,Mme Roux,5 Place Bellecour,45.7578,4.8320,,10',
  ].join('\n');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'jobs.csv', mimeType: 'text/csv', buffer: Buffer.from(jobs) });
  await expect(dialog.getByLabel('Field for column Task type')).toHaveValue('serviceType');
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  // Nine rows make five orders: four shipments of two rows each and one delivery.
  await expect(dialog.getByText('5 orders ready (9 rows)')).toBeVisible();
  const banner = dialog.getByRole('status').filter({ hasText: 'Pickups and deliveries in rows of their own' });
  await expect(banner).toContainText('4 pickups are paired with their deliveries by “Job” (e.g. rows 2 and 3, J1): each pair is one shipment');
  await page.screenshot({ path: testInfo.outputPath('import-shipments-review.png') });
  await dialog.getByRole('button', { name: 'Import 5 orders' }).click();
  await expect(dialog.getByText('Imported 5 orders (replacing the previous ones).')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(page.locator('.header-scenario')).toContainText('5 orders');
  // Each shipment's pickup is drawn on the map beside the orders.
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', '5');
  await expect(mapRegion(page)).toHaveAttribute('data-pickup-count', '4');

  await optimize(page);
  const csv = await download(page, 'Plan (CSV)');
  const [header, ...lines] = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
  const columns = header.split(',');
  const at = (name: string) => columns.indexOf(name);
  const stops = lines.map((l) => l.split(',')).filter((cells) => cells[at('Status')] === 'planned');
  // Every pickup is served before its delivery, by the same vehicle, at the pickup row's place.
  const pickups = stops.filter((cells) => cells[at('Stop type')] === 'pickup');
  expect(pickups).toHaveLength(4);
  for (const pickup of pickups) {
    const delivery = stops.find((cells) => cells[at('Order id')] === pickup[at('Order id')] && cells[at('Stop type')] === 'delivery')!;
    expect(delivery[at('Vehicle')]).toBe(pickup[at('Vehicle')]);
    expect(Number(delivery[at('Sequence')])).toBeGreaterThan(Number(pickup[at('Sequence')]));
    expect(pickup[at('Lat')]).not.toBe(delivery[at('Lat')]);
  }
  expect(stops.filter((cells) => cells[at('Stop type')] === 'pickup' && Number(cells[at('Lat')]) === 45.725)).toHaveLength(1);
});

test('a planner export whose service times are seconds: the review asks, the column is read in seconds', async ({ page }) => {
  await openDemo(page);
  const stops = ['Address,Alias,Latitude,Longitude,Service Time,Weight', '12 Rue Pasteur,Ann,45.7540,4.8420,300,20', '3 Rue Garibaldi,Bob,45.7580,4.8530,600,5', '9 Cours Lafayette,Cy,45.7630,4.8560,420,5'].join('\n');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'stops.csv', mimeType: 'text/csv', buffer: Buffer.from(stops) });
  await expect(dialog.getByLabel('Field for column Service Time')).toHaveValue('serviceMinutes');
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  const question = dialog.getByRole('status').filter({ hasText: 'Minutes or seconds?' });
  await expect(question).toContainText('“Service Time” is read in minutes: a stop would last 7 h (420, the column’s median). If the column is in seconds, read it so (420 is 7 min).');
  await question.getByRole('button', { name: 'Read “Service Time” in seconds' }).click();
  await expect(question).toContainText('“Service Time” is read in seconds, as you chose: 420 is 7 min.');
  await dialog.getByRole('button', { name: 'Import 3 orders' }).click();
  await expect(dialog.getByText('Imported 3 orders (replacing the previous ones).')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  const orders = await download(page, 'Orders (CSV)');
  const [header, ...rows] = orders.text.replace(/^\ufeff/, '').trim().split('\r\n');
  const minutes = header.split(',').indexOf('Service minutes');
  expect(rows.map((row) => row.split(',')[minutes])).toEqual(['5', '10', '7']);
});

test('every export downloads and reads back; the manifest prints one page per route', async ({ page }, testInfo) => {
  await openDemo(page);
  await optimize(page);
  // Pin one stop: the scenario file carries it.
  const pinnedBar = page.getByRole('region', { name: 'Timeline' }).locator('.tl-stop').first();
  const pinnedId = (await pinnedBar.getAttribute('data-order-id'))!;
  await pinnedBar.click();
  await page.getByRole('region', { name: 'Selected stop' }).getByRole('button', { name: /^Pin stop/ }).click();

  const scenarioFile = await download(page, 'Scenario file');
  expect(scenarioFile.file.suggestedFilename()).toMatch(/\.fmp\.json$/);
  const exported = JSON.parse(scenarioFile.text) as { type: string; version: number; scenario: { id: string; name: string; orders: { id: string }[]; plan: { solution: { routes: { steps: { type: string; id: string }[] }[]; unassigned: { orderId: string }[] } } } };
  expect(exported).toMatchObject({ type: 'final-mile-scenario-file', version: 1 });
  expect(Object.keys((exported as unknown as { pins: { orders: Record<string, string> } }).pins.orders)).toEqual([pinnedId]);
  // Stops: a job is one, a shipment two (its pickup and its delivery); orders served count each order once.
  const orderSteps = (r: { steps: { type: string; id: string }[] }) => r.steps.filter((s) => ORDER_STEPS.includes(s.type));
  const routes = exported.scenario.plan.solution.routes.filter((r) => orderSteps(r).length > 0);
  const steps = routes.flatMap(orderSteps);
  const stops = steps.length;
  const served = new Set(steps.map((s) => s.id));
  const unassignedIds = exported.scenario.plan.solution.unassigned.map((u) => u.orderId);
  const unassigned = unassignedIds.length;
  expect(served.size + unassigned).toBe(DEMO.orders.length);
  expect(new Set([...served, ...unassignedIds]).size).toBe(DEMO.orders.length);
  const shipmentsServed = [...served].filter(isShipment).length;
  expect(steps.filter((s) => s.type === 'pickup')).toHaveLength(shipmentsServed);
  expect(steps.filter((s) => s.type === 'delivery')).toHaveLength(shipmentsServed);

  const csv = await download(page, 'Plan (CSV)');
  const lines = csv.text.replace(/^\ufeff/, '').split('\r\n');
  expect(lines[0]).toMatch(/^Vehicle,Sequence,Order id,Name,Address,Lat,Lng,Arrival,Wait \(min\),Service start,Departure,Window,Service type/);
  expect(lines[0]).toContain(',Status,Stop type,');
  const planned = lines.slice(1).filter((l) => l.includes(',planned,'));
  expect(planned).toHaveLength(stops);
  expect(planned.filter((l) => l.includes(',planned,pickup,'))).toHaveLength(shipmentsServed);
  expect(planned.filter((l) => l.includes(',planned,delivery,'))).toHaveLength(shipmentsServed);
  // One row per stop, then one per order left out; no routed order is listed as not planned.
  expect(lines).toHaveLength(1 + stops + unassigned);
  expect(lines.filter((l) => l.includes(',not planned,'))).toHaveLength(0);

  const geo = JSON.parse((await download(page, 'Map data (GeoJSON)')).text) as { type: string; features: { geometry: { type: string }; properties: { kind: string; stopType?: string } }[] };
  expect(geo.type).toBe('FeatureCollection');
  const count = (kind: string) => geo.features.filter((f) => f.properties.kind === kind).length;
  expect(count('depot')).toBe(1);
  expect(count('route')).toBe(routes.length);
  expect(count('stop')).toBe(stops);
  expect(geo.features.filter((f) => f.properties.stopType === 'pickup')).toHaveLength(shipmentsServed);
  expect(count('order')).toBe(unassigned);
  expect(geo.features.filter((f) => f.geometry.type === 'LineString')).toHaveLength(routes.length);

  // VROOM keeps shipments apart from jobs: a job per plain order, a shipment (pickup + delivery) per order with a pickup.
  const shipmentOrders = DEMO.orders.filter((o) => o.pickup).length;
  const problem = JSON.parse((await download(page, 'VROOM problem (JSON)')).text) as { jobs: unknown[]; shipments?: unknown[]; vehicles: unknown[] };
  expect(problem.jobs).toHaveLength(DEMO.orders.length - shipmentOrders);
  expect(problem.shipments ?? []).toHaveLength(shipmentOrders);
  expect(problem.vehicles).toHaveLength(6);
  const vroomPlan = JSON.parse((await download(page, 'VROOM solution (JSON)')).text) as { routes: { vehicle: number; steps: { type: string; id?: number }[] }[]; unassigned: unknown[] };
  expect(vroomPlan.routes).toHaveLength(routes.length);
  const vroomSteps = vroomPlan.routes.flatMap((r) => r.steps);
  expect(vroomSteps.filter((step) => step.type === 'job')).toHaveLength(stops - 2 * shipmentsServed);
  expect(vroomSteps.filter((step) => step.type === 'pickup')).toHaveLength(shipmentsServed);
  expect(vroomSteps.filter((step) => step.type === 'delivery')).toHaveLength(shipmentsServed);
  // VROOM lists an unassigned shipment as its two tasks (pickup and delivery).
  expect(vroomPlan.unassigned).toHaveLength(unassignedIds.reduce((n, id) => n + (isShipment(id) ? 2 : 1), 0));

  // The scenario file opens again as its own scenario, equal in everything but its id.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('dialog').getByLabel('Choose a file to import').setInputFiles(await scenarioFile.file.path());
  await page.getByRole('dialog').getByRole('button', { name: 'Open scenario' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  const again = JSON.parse((await download(page, 'Scenario file')).text) as typeof exported;
  expect(again.scenario.id).not.toBe(exported.scenario.id);
  expect({ ...again.scenario, id: 'x' }).toEqual({ ...exported.scenario, id: 'x' });
  // …with its pins.
  expect((again as unknown as { pins: unknown }).pins).toEqual((exported as unknown as { pins: unknown }).pins);

  // Print: the dialog is stubbed; the print-only view is what the printer gets.
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /Print manifest/ }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.manifest__page')).toHaveCount(routes.length);
  await expect(page.locator('#root')).toBeHidden();
  await expect(page.locator('.manifest__page').first().locator('tbody tr')).toHaveCount(orderSteps(routes[0]).length);
  await page.screenshot({ path: testInfo.outputPath('manifest-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.manifest')).toBeHidden();
});

test('a vehicles file with coordinate starts: depots reviewed then created, unchecked skills said, the fleet exports back', async ({ page }, testInfo) => {
  await openDemo(page);
  const vehicles = [
    'Vehicle ID,Driver,Type,Start location,Shift start,Shift end,Crew size,Skills,Liftgate,Capacity kg,Breaks,Cost per km,Driver phone',
    'PDX-V2,Kevin Walsh,van,"45.52, -122.68",08:00,17:00,1,installer,no,800,,0.45,+1 503 555 0302',
    'PDX-T2,<img src=x onerror=alert(1)>,box-truck,"45.5051, -122.6750",9:00 AM,6pm,2,white-glove,x,2200,12:00-13:30 30,0.6,+1 503 555 0304',
  ].join('\n');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'fleet.csv', mimeType: 'text/csv', buffer: Buffer.from(vehicles) });
  await expect(dialog.getByRole('radio', { name: 'Vehicles' })).toBeChecked();
  await expect(dialog.getByLabel('Field for column Skills')).toHaveValue('crewSkills');
  await expect(dialog.getByLabel('Field for column Liftgate')).toHaveValue('flag');
  await dialog.getByRole('button', { name: 'Check rows' }).click();

  const depots = dialog.getByRole('table', { name: 'Depots to create' });
  await expect(depots.locator('tbody tr')).toHaveCount(2);
  await expect(depots).toContainText('45.52000');
  await expect(dialog.getByText('Kept without a rule')).toContainText('Driver phone');
  // The demo's orders need a skill no vehicle of this file has.
  await expect(dialog.getByRole('status').filter({ hasText: 'Skills no vehicle can check' })).toContainText('No vehicle has the skill or feature');
  await expect(dialog.getByRole('radio', { name: /^Replace the \d+ vehicles$/ })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('import-vehicles-review.png') });
  await dialog.getByRole('button', { name: 'Import 2 vehicles' }).click();
  await expect(dialog.getByText('Imported 2 vehicles (replacing the previous ones) and created 2 depots.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(page.locator('.header-scenario')).toContainText('2 vehicles · 3 depots');

  const exported = await download(page, 'Vehicles (CSV)');
  const [header, ...rows] = exported.text.replace(/^\ufeff/, '').trim().split(/\r\n/);
  expect(header.split(',').slice(0, 8)).toEqual(['Vehicle id', 'Name', 'Type', 'Capacity (kg)', 'Capacity (items)', 'Start depot', 'Start depot name', 'Start lat']);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toContain('<img src=x onerror=alert(1)>');
  expect(rows[1]).toContain('break-1: 12:00-13:30 30');
  const orders = await download(page, 'Orders (CSV)');
  expect(orders.text.replace(/^\ufeff/, '').split(/\r\n/).filter(Boolean)).toHaveLength(DEMO.orders.length + 1);
});

test('a workbook opening on an instructions sheet: its orders sheet is read, its fleet sheet can be chosen, and is offered once the orders are in', async ({ page }) => {
  const t = (v: string): XlsxCell => ({ t: 'inline', v });
  const n = (v: number): XlsxCell => ({ t: 'number', v: String(v) });
  const orders: XlsxCell[][] = [[t('Order'), t('Customer'), t('Lat'), t('Lng'), t('Window')]];
  for (let i = 0; i < 4; i++) orders.push([t(`WB-${i}`), t(`Customer ${i}`), n(45.74 + i * 0.003), n(4.82 + i * 0.004), t('9:00-12:00')]);
  const workbook = writeWorkbook([
    { name: 'Instructions', rows: [[t('One order per row on the Orders sheet.')]] },
    { name: 'Orders', rows: orders },
    { name: 'Fleet', rows: [[t('Vehicle'), t('Capacity kg'), t('Shift start'), t('Shift end')], [t('WB-V1'), n(900), t('07:00'), t('16:00')]] },
  ]);
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'day.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(workbook) });
  const sheet = dialog.getByLabel('Sheet');
  await expect(sheet).toHaveValue('Orders');
  await expect(dialog.getByRole('radio', { name: 'Orders' })).toBeChecked();
  await sheet.selectOption('Fleet');
  await expect(dialog.getByRole('radio', { name: 'Vehicles' })).toBeChecked();
  await expect(dialog.getByRole('table', { name: 'Column mapping' })).toContainText('Capacity kg');
  await dialog.getByLabel('Sheet').selectOption('Orders');
  await expect(dialog.getByRole('radio', { name: 'Orders' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await dialog.getByRole('button', { name: 'Import 4 orders' }).click();
  await expect(dialog.getByText(/^Imported 4 orders/)).toBeVisible();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  // Then the fleet from the same workbook, without choosing the file again; the orders sheet is not offered twice.
  // The instructions sheet holds no table: not offered.
  await expect(dialog.getByRole('button', { name: /^Import sheet/ })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Import sheet “Fleet”' }).click();
  await expect(dialog.getByLabel('Sheet')).toHaveValue('Fleet');
  await expect(dialog.getByRole('radio', { name: 'Vehicles' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await dialog.getByRole('button', { name: 'Import 1 vehicle' }).click();
  await expect(dialog.getByText(/^Imported 1 vehicle/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Import sheet/ })).toHaveCount(0);
});
