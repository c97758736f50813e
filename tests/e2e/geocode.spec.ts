// Issue #14, addresses without coordinates: with the geocoding URL set to a
// local Nominatim-style stub (and the app restarted so its CSP admits that
// host), an address-only row the stub knows gets the stub's coordinates; one it
// does not know is kept aside and placed by clicking the map; the first one's
// pin is then dragged a little; both are imported as orders at those places.
// A fleet whose vans start and end at addresses: one request for the vans of
// one address, another start and an end placed by a click, each a new depot
// named by its text.
// A depot and an order typed by hand, their places found by "Look up address".
import { readFileSync } from 'node:fs';
import { type Locator, type Page } from '@playwright/test';
import { startGeocodeStub, type GeocodeStub } from '../helpers/geocode-stub';
import { expect, mapRegion, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as { orders: unknown[] };
const KNOWN = '1 Known Street, Lyon';
const UNKNOWN = '9 Nowhere Lane, Lyon';
const YARD = '12 Rue de Gerland, Lyon';

let stub: GeocodeStub;
test.beforeAll(async () => {
  stub = await startGeocodeStub({
    [KNOWN]: [{ lat: '45.7601', lon: '4.8402', display_name: '1, Known Street, Lyon, France', importance: 0.6 }],
    [YARD]: [{ lat: '45.7310', lon: '4.8330', display_name: '12, Rue de Gerland, Lyon, France', importance: 0.6 }],
  });
});
test.afterAll(() => stub.close());

async function setGeocodingUrl(page: Page, url: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Geocoding search URL').fill(url);
  await expect(dialog.getByRole('note')).toContainText(`Addresses will be sent to ${new URL(url).host}.`);
  await dialog.getByLabel('Time between geocoding requests (ms)').fill('200');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
}

/** Sets the geocoding URL to the stub and starts the app again: its policy admits a newly configured host from the next start. */
async function geocodingOn(page: Page): Promise<void> {
  await setGeocodingUrl(page, stub.url);
  await page.reload();
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
}

/** Opens the demo with geocoding through the stub; returns the map region. */
async function openWithGeocoding(page: Page): Promise<Locator> {
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await geocodingOn(page);
  return mapRegion(page);
}

async function locationOf(page: Page, id: string): Promise<[number, number]> {
  await page.getByRole('banner').getByRole('button', { name: 'Orders', exact: true }).click();
  const orders = page.getByRole('dialog', { name: 'Orders' });
  await orders.getByLabel('Filter orders').fill(id);
  await orders.getByRole('button', { name: `Edit order ${id}` }).click();
  const form = page.getByRole('dialog', { name: 'Edit order' });
  const [lat, lng] = (await form.getByLabel('Location').inputValue()).split(',').map(Number);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await orders.getByRole('button', { name: 'Close', exact: true }).first().click();
  return [lat, lng];
}

const placedAt = async (row: Locator): Promise<[number, number]> => {
  const [lat, lng] = (await row.getByTestId('placed-at').innerText()).split(',').map(Number);
  return [lat, lng];
};

test('an address-only row is geocoded through the stub, another is placed by clicking the map, a pin is dragged; both become orders there', async ({ page }, testInfo) => {
  const map = await openWithGeocoding(page);

  const csv = ['Ref,Customer,Address', `GEO-1,Known Customer,"${KNOWN}"`, `GEO-2,<b>Unknown</b> Customer,"${UNKNOWN}"`].join('\n');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'geo.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  const problems = dialog.getByRole('list', { name: 'Rows that need attention' });
  await expect(problems.locator('.fix-row')).toHaveCount(2);
  await expect(problems).toContainText('row 2, Coordinates: no coordinates yet: geocode the address or place it on the map');
  await expect(dialog.getByText(`Geocoding sends these addresses to ${new URL(stub.url).host}.`)).toBeVisible();

  await dialog.getByRole('button', { name: 'Geocode addresses' }).click();
  const placed = dialog.getByRole('list', { name: 'Placed rows' });
  const row2 = placed.locator('.fix-row[data-row="2"]');
  await expect(row2).toContainText('(geocoded: 1, Known Street, Lyon, France)');
  expect(await placedAt(row2)).toEqual([45.7601, 4.8402]);
  // The unknown address stays aside with the reason, to be placed by hand.
  await expect(problems.locator('.fix-row')).toHaveCount(1);
  await expect(problems).toContainText('Geocoding: the service found no place for this address.');
  // Rows are placed as their answers come, one request a second: both have been asked by now.
  expect(stub.queries).toEqual([KNOWN, UNKNOWN]);
  expect(stub.requests.every((q) => q.includes('format=jsonv2'))).toBe(true);
  await expect(dialog.getByText('1 need attention')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('geocode-review.png') });

  await problems.getByRole('button', { name: 'Place row 3 on the map' }).click();
  await expect(dialog).toBeHidden();
  await expect(map.getByText('Click the map to place row 3')).toBeVisible();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.6);
  await expect(dialog).toBeVisible();
  const row3 = placed.locator('.fix-row[data-row="3"]');
  await expect(row3).toContainText('(placed on the map)');
  const clicked = await placedAt(row3);
  expect(clicked[0]).toBeGreaterThan(44);
  expect(clicked[0]).toBeLessThan(47);
  await expect(problems).toHaveCount(0);

  // Dragging row 2's pin on the review's map corrects its place.
  const pin = dialog.getByRole('region', { name: 'Placed rows map' }).getByTitle('Row 2');
  const pinBox = (await pin.boundingBox())!;
  await page.mouse.move(pinBox.x + pinBox.width / 2, pinBox.y + pinBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(pinBox.x + pinBox.width / 2 + 40, pinBox.y + pinBox.height / 2 + 30, { steps: 8 });
  await page.mouse.up();
  await expect(row2).toContainText('(placed on the map)');
  const dragged = await placedAt(row2);
  expect(dragged).not.toEqual([45.7601, 4.8402]);
  expect(Math.abs(dragged[0] - 45.7601)).toBeLessThan(0.5);
  await page.screenshot({ path: testInfo.outputPath('geocode-placed.png') });

  await dialog.getByText(`Add to the ${DEMO.orders.length} orders`).click();
  await dialog.getByRole('button', { name: 'Import 2 orders' }).click();
  await expect(dialog.getByText('Imported 2 orders.')).toBeVisible();
  await expect(dialog.getByText('kept aside')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(map).toHaveAttribute('data-stop-count', String(DEMO.orders.length + 2));
  expect(await locationOf(page, 'GEO-1')).toEqual(dragged);
  expect(await locationOf(page, 'GEO-2')).toEqual(clicked);
});

test('a fleet starting and ending at addresses: the vans of one address geocoded with one request, another start and an end placed by a click, each a new depot', async ({ page }, testInfo) => {
  const map = await openWithGeocoding(page);
  const meta = page.locator('.header-meta');
  await expect(meta).toContainText('1 depot');

  // Ana ends the day at an address the stub does not know, Ben at one it knows; Cho back where he started.
  const csv = [
    'Driver,Start Location,End Location,Shift start,Shift end,Capacity kg',
    `Ana,"${YARD}","${UNKNOWN}",07:00,16:00,900`,
    `Ben,"${YARD}","${KNOWN}",07:00,16:00,900`,
    'Cho,Yard by the river,,08:00,17:00,700',
  ].join('\n');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'fleet.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  const problems = dialog.getByRole('list', { name: 'Rows that need attention' });
  await expect(problems.locator('.fix-row')).toHaveCount(3);
  await expect(problems).toContainText('row 2, Start (depot, address or "lat, lng") (column “Start Location”): no depot of that name and no coordinates yet: geocode it as an address or place it on the map');
  await expect(problems).toContainText('row 2, End (depot, address or "lat, lng") (column “End Location”): no depot of that name and no coordinates yet: geocode it as an address or place it on the map');

  await dialog.getByRole('button', { name: 'Geocode addresses' }).click();
  const placed = dialog.getByRole('list', { name: 'Placed rows' });
  // Row 3 is placed at both ends: the yard, and the known address (an end listed as such). Row 2 still waits for its
  // end: its start's place shows in its own entry.
  await expect(placed.locator('.fix-row')).toHaveCount(2);
  await expect(placed.locator('.fix-row[data-row="3"]').first()).toContainText('(geocoded: 12, Rue de Gerland, Lyon, France)');
  await expect(problems.locator('.fix-row[data-row="2"]')).toContainText('Placed at 45.731000, 4.833000');
  await expect(placed.locator('.fix-row[data-row="3"]').nth(1)).toContainText(`Row 3 (end) ${KNOWN} → 45.760100, 4.840200 (geocoded: 1, Known Street, Lyon, France)`);
  await expect(problems).toContainText('Geocoding (end): the service found no place for this address.');
  await expect(problems).toContainText('Geocoding: the service found no place for this address.');
  // One request per address: the two vans of the yard shared one.
  expect(stub.queries.filter((q) => q === YARD)).toHaveLength(1);

  // Row 2's start is placed; its end waits for a click of its own.
  await problems.getByRole('button', { name: 'Place the end of row 2 on the map' }).click();
  await expect(dialog).toBeHidden();
  await expect(map.getByText('Click the map to place the end of row 2')).toBeVisible();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.4);
  await expect(dialog).toBeVisible();
  await problems.getByRole('button', { name: 'Place row 4 on the map' }).click();
  await expect(dialog).toBeHidden();
  await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.55);
  await expect(dialog).toBeVisible();
  await expect(problems).toHaveCount(0);
  await expect(placed.locator('.fix-row[data-row="4"]')).toContainText('(placed on the map)');
  await expect(placed.locator('.fix-row[data-row="2"]').nth(1)).toContainText(`Row 2 (end) ${UNKNOWN}`);
  await expect(placed.getByRole('button', { name: 'Move the end of row 2 on the map' })).toBeVisible();
  const newDepots = dialog.getByRole('table').filter({ hasText: YARD });
  await expect(dialog.getByText('4 new depots')).toBeVisible();
  for (const name of ['Yard by the river', UNKNOWN, KNOWN, '45.731']) await expect(newDepots).toContainText(name);
  await page.screenshot({ path: testInfo.outputPath('fleet-starts-placed.png') });

  await dialog.getByRole('button', { name: 'Import 3 vehicles' }).click();
  await expect(dialog.getByText('Imported 3 vehicles (replacing the previous ones) and created 4 depots.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(meta).toContainText('3 vehicles · 5 depots');
  const depots = page.getByRole('region', { name: 'Depots' }).getByRole('table', { name: 'Depots' });
  for (const name of [YARD, 'Yard by the river', UNKNOWN, KNOWN]) await expect(depots).toContainText(name);
});

test('a depot and an order typed by hand: their addresses looked up through the stub, a place picked fills Location', async ({ page }) => {
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  // Off: the form says where to turn it on, and sends nothing.
  const depots = page.getByRole('region', { name: 'Depots' });
  await depots.getByRole('button', { name: 'Add depot' }).click();
  let form = depots.getByRole('form');
  await expect(form.getByText('Latitude, longitude in decimal degrees, or the address to look up')).toBeVisible();
  await form.getByLabel('Location', { exact: true }).fill(YARD);
  await expect(form.getByText('To find a place by its address, set a geocoding URL in Settings → Geocoding')).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();
  const asked = stub.queries.length;
  await geocodingOn(page);

  await depots.getByRole('button', { name: 'Add depot' }).click();
  form = depots.getByRole('form');
  await form.getByLabel('Name', { exact: true }).fill('Gerland yard');
  await form.getByLabel('Location', { exact: true }).fill(UNKNOWN);
  await form.getByRole('button', { name: 'Look up address' }).click();
  await expect(form.getByRole('alert')).toContainText(`found no place for “${UNKNOWN}”`);
  await form.getByLabel('Location', { exact: true }).fill(YARD);
  await expect(form.getByText(`Sends “${YARD}” to ${new URL(stub.url).host}.`)).toBeVisible();
  await form.getByRole('button', { name: 'Look up address' }).click();
  const places = form.getByRole('list', { name: 'Places found' });
  await expect(places).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('depot-lookup.png') });
  await places.getByRole('button', { name: /^Use 12, Rue de Gerland, Lyon, France/ }).click();
  await expect(form.getByLabel('Location', { exact: true })).toHaveValue('45.731, 4.833');
  await expect(form.getByRole('button', { name: 'Look up address' })).toHaveCount(0);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(depots.getByRole('table', { name: 'Depots' })).toContainText('Gerland yard');
  expect(stub.queries.slice(asked)).toEqual([UNKNOWN, YARD]);

  await page.getByRole('banner').getByRole('button', { name: 'Orders', exact: true }).click();
  const orders = page.getByRole('dialog', { name: 'Orders' });
  await orders.getByRole('button', { name: 'Add order', exact: true }).click();
  const order = page.getByRole('dialog', { name: 'Add order' });
  await order.getByLabel('Id', { exact: true }).fill('GEO-9');
  await order.getByLabel('Address').fill(KNOWN);
  await order.getByRole('button', { name: 'Look up address' }).click();
  await order.getByRole('button', { name: /^Use 1, Known Street, Lyon, France/ }).click();
  await expect(order.getByLabel('Location')).toHaveValue('45.7601, 4.8402');
  await order.getByRole('button', { name: 'Save' }).click();
  await expect(order).toBeHidden();
  await orders.getByRole('button', { name: 'Close', exact: true }).first().click();
  expect(await locationOf(page, 'GEO-9')).toEqual([45.7601, 4.8402]);
});
