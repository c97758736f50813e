// Vehicles and orders edited in the app, in Chromium, on the demo: a vehicle
// added in its form (a bad field is named and blocks Save), every van's shift
// bulk-edited and undone, orders added by form and by a click on the map, one
// edited and one deleted; the plan then uses the new vehicle and order, and a
// reload shows every edit.
import { type Locator, type Page } from '@playwright/test';
import { makeLargeScenario, openScenario } from './plan-fixtures';
import { expect, mapRegion, optimize, test } from './support';

async function openWindow(page: Page, name: 'Vehicles' | 'Orders'): Promise<Locator> {
  await page.getByRole('banner').getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closeWindow(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();
}

const vehicleRow = (dialog: Locator, id: string) => dialog.locator(`tr[data-vehicle-id="${id}"]`);
const orderRow = (dialog: Locator, id: string) => dialog.locator(`tr[data-order-id="${id}"]`);

async function addVehicle(page: Page, vehicles: Locator): Promise<void> {
  await vehicles.getByRole('button', { name: 'Add vehicle' }).click();
  const form = page.getByRole('dialog', { name: 'Add vehicle' });
  await form.getByLabel('Name', { exact: true }).fill('Van 9');
  await form.getByLabel('Type', { exact: true }).fill('van');
  await form.getByLabel('Capacity (kg)').fill('700');
  await form.getByLabel('Features').fill('ramp, liftgate');
  await form.getByLabel('Crew size').fill('2');
  await form.getByLabel('Crew skills').fill('installer, white-glove');
  await form.getByLabel('Shift start').fill('07:00');
  await form.getByLabel('Shift end').fill('25:99');
  await form.getByRole('button', { name: 'Add break' }).click();
  await form.getByLabel('Break 1 start').fill('11:30');
  await form.getByLabel('Break 1 end').fill('13:00');
  await form.getByLabel('Break 1 minutes').fill('30');
  // The bad shift end is named next to its input and Save keeps the form open with everything typed.
  await expect(form.getByText('Shift end: type a time as HH:MM, e.g. 08:30')).toBeVisible();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toContainText('Not saved');
  await expect(form.getByLabel('Shift end')).toBeFocused();
  await expect(form.getByLabel('Crew skills')).toHaveValue('installer, white-glove');
  await expect(vehicleRow(vehicles, 'van-9')).toHaveCount(0);
  await form.getByLabel('Shift end').fill('15:30');
  await expect(form.getByText('Shift end:')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('vehicle-form.png') });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  const row = vehicleRow(vehicles, 'van-9');
  await expect(row).toContainText('Van 9');
  await expect(row).toContainText('700 kg · no limit items');
  await expect(row).toContainText('2 · installer, white-glove');
  await expect(row).toContainText('ramp, liftgate');
  await expect(row).toContainText('07:00–15:30');
}

async function bulkShiftAndUndo(page: Page): Promise<void> {
  let vehicles = await openWindow(page, 'Vehicles');
  await vehicles.getByLabel('Select all of type').selectOption('van');
  await expect(vehicles.getByText('5 of 7 selected')).toBeVisible();
  const bulk = vehicles.getByRole('form', { name: 'Bulk edit selected vehicles' });
  await bulk.getByLabel('Column to set').selectOption({ label: 'Shift' });
  await bulk.getByLabel('Shift start').fill('6:30');
  await bulk.getByLabel('Shift end').fill('14:00');
  await bulk.getByRole('button', { name: 'Apply to 5 vehicles' }).click();
  await expect(bulk.getByRole('status')).toContainText('Shift set on 5 vehicles');
  for (const id of ['van-1', 'van-2', 'van-3', 'van-4', 'van-9']) await expect(vehicleRow(vehicles, id)).toContainText('06:30–14:00');
  for (const id of ['truck-1', 'truck-2']) await expect(vehicleRow(vehicles, id)).toContainText('07:00–18:00');
  await page.screenshot({ path: test.info().outputPath('vehicles-bulk.png') });
  await closeWindow(vehicles);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  vehicles = await openWindow(page, 'Vehicles');
  for (const id of ['van-1', 'van-2', 'van-3', 'van-4']) await expect(vehicleRow(vehicles, id)).toContainText('07:30–18:00');
  await expect(vehicleRow(vehicles, 'van-9')).toContainText('07:00–15:30');
  await closeWindow(vehicles);
}

async function addOrderByForm(page: Page, orders: Locator): Promise<void> {
  await orders.getByRole('button', { name: 'Add order', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Add order' });
  await form.getByLabel('Id', { exact: true }).fill('NEW-1');
  await form.getByLabel('Customer name').fill('Zoé <b>Test</b>');
  await form.getByLabel('Address').fill('12 Rue Test, Lyon');
  await form.getByLabel('Location').fill('45.7485, 4.8467');
  await form.getByLabel('Service type').selectOption({ label: 'White glove' });
  await expect(form.getByLabel('Service minutes')).toHaveValue('30');
  await form.getByLabel('Amount (kg)').fill('40');
  await form.getByLabel('Amount (items)').fill('2');
  await form.getByRole('button', { name: 'Add window' }).click();
  await form.getByLabel('Window 1 start').fill('10:00');
  await form.getByLabel('Window 1 end').fill('12:00');
  await form.getByLabel('Skills', { exact: true }).fill('ramp');
  await form.getByLabel('Priority').fill('8');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  // New orders go to the end (page 2 of 81); the filter finds them.
  await orders.getByLabel('Filter orders').fill('zoé');
  await expect(orderRow(orders, 'NEW-1')).toContainText('Zoé <b>Test</b>');
  await expect(orderRow(orders, 'NEW-1')).toContainText('10:00–12:00');
  await orders.getByLabel('Filter orders').fill('');
}

async function addOrderOnMap(page: Page, orders: Locator): Promise<void> {
  const map = mapRegion(page);
  await orders.getByRole('button', { name: 'Add order on map' }).click();
  await expect(orders).toBeHidden();
  await expect(map.getByText('Click the map to place the new order')).toBeVisible();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.55);
  const form = page.getByRole('dialog', { name: 'Add order' });
  await expect(form.getByLabel('Location')).toHaveValue(/^4[45]\.\d+, [45]\.\d+$/);
  const first = await form.getByLabel('Location').inputValue();
  await form.getByLabel('Id', { exact: true }).fill('NEW-2');
  await form.getByLabel('Customer name').fill('Placed on map');
  // Place on map hides the form for the click and brings it back with the new place and the text typed so far.
  await form.getByRole('button', { name: 'Place on map' }).click();
  await expect(form).toBeHidden();
  await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.45);
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Location')).not.toHaveValue(first);
  await expect(form.getByLabel('Location')).toHaveValue(/^4[45]\.\d+, [45]\.\d+$/);
  await expect(form.getByLabel('Customer name')).toHaveValue('Placed on map');
  await page.screenshot({ path: test.info().outputPath('order-form.png') });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(map).toHaveAttribute('data-stop-count', '82');
}

async function editAndDeleteOrders(page: Page): Promise<void> {
  const orders = await openWindow(page, 'Orders');
  await orders.getByLabel('Filter orders').fill('LYO-1001');
  await expect(orders.getByRole('status').first()).toContainText('1 of 82 orders');
  await orders.getByRole('button', { name: 'Edit order LYO-1001' }).click();
  const form = page.getByRole('dialog', { name: 'Edit order' });
  await form.getByLabel('Window 1 start').fill('09:00');
  await form.getByLabel('Window 1 end').fill('8:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Window 1 end: the window closes before it opens')).toBeVisible();
  await form.getByLabel('Window 1 end').fill('11:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(orderRow(orders, 'LYO-1001')).toContainText('09:00–11:00');
  await orders.getByLabel('Filter orders').fill('');
  await orders.getByRole('button', { name: 'Delete order LYO-1002' }).click();
  await expect(orderRow(orders, 'LYO-1002')).toHaveCount(0);
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', '81');
  await page.screenshot({ path: test.info().outputPath('orders.png') });
  await closeWindow(orders);
}

test('editors: vehicles and orders added, bulk-edited, undone, edited and deleted; the plan uses them; a reload keeps them', async ({ page }) => {
  await page.goto('/');
  const map = mapRegion(page);
  await expect(map).toHaveAttribute('data-stop-count', '80');

  const vehicles = await openWindow(page, 'Vehicles');
  await addVehicle(page, vehicles);
  await closeWindow(vehicles);
  await bulkShiftAndUndo(page);

  const orders = await openWindow(page, 'Orders');
  await addOrderByForm(page, orders);
  await addOrderOnMap(page, orders);
  await editAndDeleteOrders(page);

  // The only vehicle with a ramp serves the only order that needs one.
  await optimize(page, 3);
  await expect(map).toHaveAttribute('data-route-stops', /(^| )van-9:[1-9]/);
  const check = await openWindow(page, 'Orders');
  await check.getByLabel('Filter orders').fill('NEW-1');
  await expect(orderRow(check, 'NEW-1')).toContainText('planned');
  await page.screenshot({ path: test.info().outputPath('planned.png') });
  await closeWindow(check);

  // The selected stop offers Edit order; an edit of the problem marks the plan out of date.
  await expect(page.getByText('Plan out of date')).toHaveCount(0);
  await page.locator('.tl-stop[data-order-id="NEW-1"]').click();
  await page.getByRole('region', { name: 'Selected stop' }).getByRole('button', { name: 'Edit order' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit order' });
  await expect(edit.getByLabel('Id', { exact: true })).toHaveValue('NEW-1');
  await expect(edit.getByLabel('Skills', { exact: true })).toHaveValue('ramp');
  await expect(edit.getByLabel('Service type')).toHaveValue('white-glove');
  await edit.getByLabel('Notes').fill('Call before');
  // A new name and window: the store edits the order in place, and the timeline's bar still says what it is now.
  await edit.getByLabel('Customer name').fill('Renamed customer');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Plan out of date')).toBeVisible();
  await expect(page.locator('.tl-stop[data-order-id="NEW-1"]')).toHaveAttribute('title', /: Renamed customer —/);
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  await page.reload();
  await expect(map).toHaveAttribute('data-stop-count', '81');
  const after = await openWindow(page, 'Vehicles');
  await expect(vehicleRow(after, 'van-9')).toContainText('07:00–15:30');
  await expect(vehicleRow(after, 'van-1')).toContainText('07:30–18:00');
  await closeWindow(after);
  const afterOrders = await openWindow(page, 'Orders');
  await afterOrders.getByRole('button', { name: 'Next page' }).click();
  await expect(orderRow(afterOrders, 'NEW-1')).toContainText('10:00–12:00');
  await expect(orderRow(afterOrders, 'NEW-1')).toContainText('Renamed customer');
  await afterOrders.getByRole('button', { name: 'Previous page' }).click();
  await expect(orderRow(afterOrders, 'LYO-1001')).toContainText('09:00–11:00');
  await expect(orderRow(afterOrders, 'LYO-1002')).toHaveCount(0);
  await afterOrders.getByLabel('Filter orders').fill('NEW-2');
  await expect(orderRow(afterOrders, 'NEW-2')).toContainText('Placed on map');
});

test('orders window with 5,000 orders: one page rendered, filtered, every match bulk-edited in one step', async ({ page }) => {
  await page.goto('/');
  await openScenario(page, makeLargeScenario(5000, 20));
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', '5000');
  const orders = await openWindow(page, 'Orders');
  await expect(orders.getByText('Orders 1–50 of 5,000 · page 1 of 100')).toBeVisible();
  await expect(orders.locator('tbody tr')).toHaveCount(50);
  await orders.getByRole('button', { name: 'Next page' }).click();
  await expect(orderRow(orders, 'S0051')).toBeVisible();
  await expect(orders.locator('tbody tr')).toHaveCount(50);

  await orders.getByLabel('Filter orders').fill('s49');
  await expect(orders.getByRole('status').first()).toContainText('100 of 5,000 orders · 0 selected');
  await orders.getByLabel('Select all matching orders').check();
  await expect(orders.getByRole('status').first()).toContainText('100 selected');
  const bulk = orders.getByRole('form', { name: 'Bulk edit selected orders' });
  await bulk.getByLabel('Column to set').selectOption({ label: 'Priority' });
  await bulk.getByLabel('Priority').fill('11');
  await bulk.getByRole('button', { name: 'Apply to 100 orders' }).click();
  await expect(bulk.getByText('Priority: must be ≤ 10')).toBeVisible();
  await bulk.getByLabel('Priority').fill('9');
  await bulk.getByRole('button', { name: 'Apply to 100 orders' }).click();
  await expect(bulk.getByRole('status')).toContainText('Priority set on 100 orders');
  await expect(orderRow(orders, 'S4900').locator('td.num')).toHaveText('9');
  await expect(orderRow(orders, 'S4900')).toContainText('planned');
  await page.screenshot({ path: test.info().outputPath('orders-5000.png') });
  await orders.getByLabel('Filter orders').fill('S4899');
  await expect(orderRow(orders, 'S4899').locator('td.num')).not.toHaveText('9');
  await closeWindow(orders);
  // One step: a single Undo puts all 100 priorities back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const again = await openWindow(page, 'Orders');
  await again.getByLabel('Filter orders').fill('s49');
  await expect(orderRow(again, 'S4900').locator('td.num')).toHaveText('0');
  await expect(orderRow(again, 'S4949').locator('td.num')).toHaveText('0');
});

test('a row\'s Edit and Delete stay in view in a table wider than its window', async ({ page }) => {
  // A laptop-sized window: the orders table (long addresses) is wider than the Orders window and scrolls sideways.
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto('/');
  await expect(mapRegion(page)).not.toHaveAttribute('data-stop-count', '0');
  for (const name of ['Orders', 'Vehicles'] as const) {
    const window = await openWindow(page, name);
    const scroll = window.locator('.table-scroll.editor-table');
    const wider = await scroll.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    const box = (await scroll.boundingBox())!;
    for (const label of ['Edit', 'Delete']) {
      const button = window.locator('tbody tr').first().getByRole('button', { name: new RegExp(`^${label} `) });
      const b = (await button.boundingBox())!;
      expect(b.x + b.width, `${name}: ${label} ends inside the table's box (table wider than it: ${wider})`).toBeLessThanOrEqual(box.x + box.width + 0.5);
      // Nothing covers it: a click there reaches the button.
      const onTop = await button.evaluate((el) => { const r = el.getBoundingClientRect(); return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); });
      expect(onTop, `${name}: ${label} is on top`).toBe(true);
    }
    if (name === 'Orders') expect(wider, 'the orders table is wider than its window at this size').toBe(true);
    await page.screenshot({ path: test.info().outputPath(`${name.toLowerCase()}-narrow.png`) });
    await window.getByRole('button', { name: 'Close', exact: true }).first().click();
  }
});
