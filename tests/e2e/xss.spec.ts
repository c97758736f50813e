// Names from files are shown as text everywhere, the map's hover text included:
// a scenario file whose vehicle, depot, order ids, customers, addresses, notes,
// custom columns, service label, scenario name and map attribution carry markup is
// imported and planned; its route line and stop are hovered, the header, scenario
// list, route list, timeline, orders window, printed manifest, exports and the
// import's column mapping are read, and the payload reads as text while its
// `onerror` never runs (the CSP would also refuse it: the console guard reports that).
import { readFileSync, writeFileSync } from 'node:fs';
import { type Page, type TestInfo } from '@playwright/test';
import type { Scenario } from '../../web/src/domain/scenario';
import { DEMO } from './plan-fixtures';
import { expect, mapRegion, optimize, test } from './support';

/** Sets window.__xss if it is ever parsed as markup (the image fails to load). */
const PAYLOAD = '<img src=x onerror="window.__xss=1">';

/** One depot, one van, one order due east of the depot at the same latitude: the route line crosses the map's middle. */
function payloadScenario(): Scenario {
  const depot = { ...DEMO.depots[0], id: 'hub', name: `Depot ${PAYLOAD}` };
  const { breaks: _, ...van } = DEMO.vehicles[0];
  const { lateness: __, ...order } = DEMO.orders[0];
  return {
    ...structuredClone(DEMO), id: 'xss', name: `Scenario ${PAYLOAD}`, revision: 1, plan: null,
    settings: {
      ...DEMO.settings, tileAttribution: `Tiles ${PAYLOAD}`,
      serviceTypes: { curbside: { label: `Curb ${PAYLOAD}`, baseMinutes: 5, minutesPerItem: 0, crewSize: 1, skills: [], pickup: 'none', priorityBoost: 0 } },
    },
    depots: [depot],
    vehicles: [{ ...van, id: 'van-x', name: `Van ${PAYLOAD}`, startDepotId: 'hub', endDepotId: 'hub' }],
    orders: [{
      ...order, id: `id-${PAYLOAD}`, customerName: `Name ${PAYLOAD}`, address: `Street ${PAYLOAD}`, notes: `Note ${PAYLOAD}`,
      extra: { [`Gate ${PAYLOAD}`]: `Code ${PAYLOAD}` },
      lat: depot.lat, lng: depot.lng + 0.03, serviceType: 'curbside', timeWindows: [{ start: 480, end: 1080 }],
    }],
  };
}

/** Moves the mouse right along the map's middle until a tooltip (containing `text`, if given) shows; returns it. */
async function hoverAlongMiddle(page: Page, fromFraction: number, text?: string) {
  return (await hoverPoint(page, fromFraction, text)).tooltip;
}

/** As `hoverAlongMiddle`, with where the mouse is (page pixels). */
async function hoverPoint(page: Page, fromFraction: number, text?: string) {
  const box = (await mapRegion(page).locator('.map').boundingBox())!;
  const tooltip = mapRegion(page).locator('.leaflet-tooltip', text ? { hasText: text } : {});
  const y = box.y + box.height / 2;
  for (let x = box.x + box.width * fromFraction; x < box.x + box.width - 10; x += 3) {
    await page.mouse.move(x, y);
    if (await tooltip.count()) return { tooltip, x, y };
  }
  throw new Error(`no tooltip ${text ?? ''} along the map's middle`);
}

/** Imports the payload scenario file and plans it. */
async function openPayloadScenario(page: Page, testInfo: TestInfo): Promise<void> {
  const file = testInfo.outputPath('xss.fmp.json');
  writeFileSync(file, JSON.stringify({ type: 'final-mile-scenario-file', version: 1, scenario: payloadScenario() }));
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('dialog').getByLabel('Choose a file to import').setInputFiles(file);
  await page.getByRole('dialog').getByRole('button', { name: 'Open scenario' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', '1');
  await optimize(page);
  await expect(mapRegion(page)).toHaveAttribute('data-route-stops', 'van-x:1');
}

/** No payload became an element anywhere in the page, and none ran. */
async function expectNoMarkup(page: Page): Promise<void> {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
}

/** Downloads one entry of the Export menu and returns its text. */
async function exported(page: Page, item: string): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

test('names carrying markup show as text on the map and in the panels, and never run', async ({ page }, testInfo) => {
  await openPayloadScenario(page, testInfo);

  // The route line passes the middle of the map (depot and customer sit either side of it): its tooltip shows first.
  const route = await hoverAlongMiddle(page, 0.5);
  await expect(route).toHaveText(`Van ${PAYLOAD}`);
  await expect(route.locator('img')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('xss-route-tooltip.png') });

  // Further east along the same line is the customer's stop.
  const stop = await hoverAlongMiddle(page, 0.5, '#1 · ');
  for (const text of [`#1 · Name ${PAYLOAD}`, `Street ${PAYLOAD}`, `Order id-${PAYLOAD} · Curb ${PAYLOAD}`, `Van ${PAYLOAD}, service at`]) {
    await expect(stop).toContainText(text);
  }
  await expect(stop.locator('img')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('xss-stop-tooltip.png') });

  // The depot's hover title and the map attribution are text too.
  await expect(mapRegion(page).locator('.fmp-depot')).toHaveAttribute('title', `Depot: Depot ${PAYLOAD}`);
  await expect(mapRegion(page).locator('.leaflet-control-attribution')).toContainText(`Tiles ${PAYLOAD}`);
  await expectNoMarkup(page);
});

test('a click on the stop selects its order, a click on the route line under it its route', async ({ page }, testInfo) => {
  await openPayloadScenario(page, testInfo);
  // Stops are dots on the canvas the lines share: the topmost thing under the mouse takes hover and click.
  const line = await hoverPoint(page, 0.5);
  await expect(line.tooltip).toHaveText(`Van ${PAYLOAD}`);
  await page.mouse.click(line.x, line.y);
  await expect(mapRegion(page)).toHaveAttribute('data-selected', 'route:van-x');
  const stop = await hoverPoint(page, 0.5, '#1 · ');
  await page.mouse.click(stop.x, stop.y);
  await expect(mapRegion(page)).toHaveAttribute('data-selected', `order:id-${PAYLOAD}`);
  await expect(page.getByRole('region', { name: 'Selected stop' })).toContainText(`Name ${PAYLOAD}`);
  // The selected stop is drawn larger on top; hovering it still names it.
  await page.mouse.move(stop.x - 40, stop.y);
  await page.mouse.move(stop.x, stop.y);
  await expect(mapRegion(page).locator('.leaflet-tooltip', { hasText: `#1 · Name ${PAYLOAD}` })).toHaveCount(1);
  await expectNoMarkup(page);
});

test('notes, custom columns and names stay text in the lists, timeline, manifest, exports and import mapping', async ({ page }, testInfo) => {
  await openPayloadScenario(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Scenario ${PAYLOAD}`);
  await expect(page.getByRole('complementary', { name: 'Plan' }).getByRole('button', { name: `Van ${PAYLOAD}`, exact: true })).toBeVisible();
  const row = page.getByRole('region', { name: 'Timeline' }).getByRole('group', { name: `Timeline of Van ${PAYLOAD}` });
  await expect(row).toContainText(`Van ${PAYLOAD}`);
  expect(await row.locator('.tl-stop').first().getAttribute('title')).toContain(`Stop 1: Name ${PAYLOAD} — `);

  await page.getByRole('banner').getByRole('button', { name: 'Orders', exact: true }).click();
  const orders = page.getByRole('dialog', { name: 'Orders' });
  await expect(orders.getByRole('table', { name: 'Orders table' })).toContainText(`Name ${PAYLOAD}`);
  await expect(orders.getByRole('table', { name: 'Orders table' })).toContainText(`Curb ${PAYLOAD}`);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText(`Scenario ${PAYLOAD}`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // The printed manifest: customer, address and notes as text.
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /Print manifest/ }).click();
  await page.emulateMedia({ media: 'print' });
  const manifest = page.getByRole('region', { name: 'Driver manifests' }).getByRole('region', { name: `Manifest of Van ${PAYLOAD}` });
  for (const text of [`Name ${PAYLOAD}`, `Street ${PAYLOAD}`, `Note ${PAYLOAD}`]) await expect(manifest).toContainText(text);
  await page.emulateMedia({ media: 'screen' });

  // Exports carry the text as text: custom column name and value, notes, names.
  const ordersCsv = await exported(page, 'Orders (CSV)');
  for (const text of [`Gate <img src=x onerror=""window.__xss=1"">`, `Code <img src=x onerror=""window.__xss=1"">`, 'Note <img']) expect(ordersCsv).toContain(text);
  const geojson = JSON.parse(await exported(page, 'GeoJSON')) as { features: { properties: Record<string, unknown> }[] };
  expect(JSON.stringify(geojson.features.map((f) => f.properties))).toContain(JSON.stringify(`Name ${PAYLOAD}`));

  // A spreadsheet whose column names carry markup: the mapping names each column as text.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  const header = `Gate ${PAYLOAD}`;
  const csv = `Order id,Lat,Lng,${header.replace(/"/g, '""').replace(/^|$/g, '"')}\nA1,45.75,4.85,x\n`;
  await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByLabel(`Field for column ${header}`)).toBeVisible();
  await expectNoMarkup(page);
});
