// Setting up a day from nothing in Chromium: a blank scenario with its own name
// and date, depots typed as "lat, lng" and placed by a click on the map, opening
// hours edited, each bad input refused with its field named, a delete undone, the
// day changed in the header, and everything found again after a reload (IndexedDB).
import { type Page } from '@playwright/test';
import { expect, mapRegion, test } from './support';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const depotsRegion = (page: Page) => page.getByRole('region', { name: 'Depots' });
const depotRows = (page: Page) => depotsRegion(page).getByRole('table', { name: 'Depots' }).locator('tbody tr');
const depotRow = (page: Page, name: string) => depotRows(page).filter({ has: page.getByText(name, { exact: true }) });

async function openNewScenario(page: Page) {
  await page.getByRole('button', { name: 'Scenarios' }).click();
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: 'New scenario' }).click();
  const dialog = page.getByRole('dialog', { name: 'New scenario' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Fills the open depot form and saves it. */
async function fillDepot(page: Page, fields: { Name?: string; Location?: string; Opens?: string; Closes?: string }) {
  const form = depotsRegion(page).getByRole('form');
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: 'Save' }).click();
}

test('a blank scenario set up by hand: depots typed and placed on the map, edited, deleted, undone, kept after reload', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(mapRegion(page)).not.toHaveAttribute('data-stop-count', '0');
  const dialog = await openNewScenario(page);
  await dialog.getByLabel('Name').fill('   ');
  await dialog.getByLabel('Date').fill('2026-12-07');
  await expect(dialog.getByLabel('Blank')).toBeChecked();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Name: type a name for the scenario')).toBeVisible();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Name').fill('Portland Monday');
  await page.screenshot({ path: testInfo.outputPath('0-new-scenario.png') });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  // Blank: nothing from the demo, the date chosen, and a map, route list and timeline that cope with nothing.
  await expect(heading(page)).toHaveText('Portland Monday');
  const meta = page.locator('.header-meta');
  await expect(meta).toContainText('Mon, 7 Dec 2026');
  await expect(meta).toContainText('0 orders · 0 vehicles · 0 depots');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', '0');
  await expect(depotsRegion(page).getByText('No depots yet')).toBeVisible();
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByText(/Nothing to plan yet: add a depot first/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('1-blank.png') });

  // A depot typed as "lat, lng" with the keyboard only.
  await depotsRegion(page).getByRole('button', { name: 'Add depot' }).click();
  await expect(depotsRegion(page).getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Portland DC');
  await page.keyboard.press('Tab');
  await page.keyboard.type('45.5231, -122.6765');
  await page.keyboard.press('Enter');
  await expect(depotRow(page, 'Portland DC')).toContainText('45.52310, -122.67650');
  await expect(depotRow(page, 'Portland DC')).toContainText('07:00–20:00');
  await expect(page.getByTitle('Depot: Portland DC')).toBeVisible();
  await expect(meta).toContainText('1 depot');

  // A depot placed by a click on the map.
  await depotsRegion(page).getByRole('button', { name: 'Add depot' }).click();
  await depotsRegion(page).getByLabel('Name', { exact: true }).fill('East hub');
  await depotsRegion(page).getByRole('button', { name: 'Place on map' }).click();
  await expect(mapRegion(page).getByRole('status').filter({ hasText: 'Click the map to place the depot “East hub”' })).toBeVisible();
  const box = (await mapRegion(page).boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.4);
  const location = depotsRegion(page).getByLabel('Location');
  await expect(location).toHaveValue(/^45\.\d+, -122\.\d+$/);
  await page.screenshot({ path: testInfo.outputPath('2-placed.png') });
  await depotsRegion(page).getByRole('button', { name: 'Save' }).click();
  await expect(depotRows(page)).toHaveCount(2);
  await expect(page.getByTitle('Depot: East hub')).toBeVisible();

  // Bad input: the field is named, Save is blocked, nothing typed is lost.
  await depotsRegion(page).getByRole('button', { name: 'Add depot' }).click();
  await fillDepot(page, { Name: 'Nowhere', Location: '95, -122.6' });
  const form = depotsRegion(page).getByRole('form', { name: 'New depot' });
  await expect(form.getByText('Location: latitude 95 is outside -90…90')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(form.getByLabel('Location')).toHaveValue('95, -122.6');
  await form.getByLabel('Location').fill('45.6, -122.6');
  await form.getByLabel('Opens').fill('18:00');
  await form.getByLabel('Closes').fill('08:00');
  await expect(form.getByText('Closes: closes before it opens')).toBeVisible();
  await expect(form.getByLabel('Closes')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Nowhere');
  await page.screenshot({ path: testInfo.outputPath('3-invalid.png') });
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(depotRows(page)).toHaveCount(2);

  // Opening hours edited.
  await depotsRegion(page).getByRole('button', { name: 'Edit depot East hub' }).click();
  await fillDepot(page, { Opens: '06:30', Closes: '21:15' });
  await expect(depotRow(page, 'East hub')).toContainText('06:30–21:15');

  // Delete, then Undo brings it back.
  await depotsRegion(page).getByRole('button', { name: 'Delete depot Portland DC' }).click();
  await expect(depotRows(page)).toHaveCount(1);
  await expect(page.getByTitle('Depot: Portland DC')).toHaveCount(0);
  await page.getByRole('region', { name: 'Routes' }).getByRole('button', { name: 'Undo' }).click();
  await expect(depotRow(page, 'Portland DC')).toBeVisible();
  await expect(page.getByTitle('Depot: Portland DC')).toBeVisible();

  // The day, changed in the header.
  await page.getByRole('button', { name: 'Mon, 7 Dec 2026' }).click();
  const dayForm = page.getByRole('form', { name: 'Change the date' });
  await dayForm.getByLabel('Date').fill('');
  await dayForm.getByRole('button', { name: 'Save' }).click();
  await expect(dayForm.getByText('Date: pick a day (YYYY-MM-DD)')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('4-day-form.png') });
  await dayForm.getByLabel('Date').fill('2026-12-08');
  await dayForm.getByRole('button', { name: 'Save' }).click();
  await expect(meta).toContainText('Tue, 8 Dec 2026');
  await page.screenshot({ path: testInfo.outputPath('5-set-up.png') });

  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.reload();
  await expect(heading(page)).toHaveText('Portland Monday');
  await expect(meta).toContainText('Tue, 8 Dec 2026');
  await expect(depotRows(page)).toHaveCount(2);
  await expect(depotRow(page, 'East hub')).toContainText('06:30–21:15');
  await expect(depotRow(page, 'Portland DC')).toContainText('07:00–20:00');
  await expect(page.getByTitle('Depot: East hub')).toBeVisible();
});

test('New scenario copies the depots and fleet of another, or opens the import for a file', async ({ page }) => {
  await page.goto('/');
  await expect(mapRegion(page)).not.toHaveAttribute('data-stop-count', '0');
  const before = await page.locator('.header-meta').innerText();
  const vehicles = /(\d+) vehicles/.exec(before)![1];
  let dialog = await openNewScenario(page);
  await dialog.getByLabel('Name').fill('Same fleet, no orders');
  await dialog.getByLabel('Copy depots and fleet of').check();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(heading(page)).toHaveText('Same fleet, no orders');
  await expect(page.locator('.header-meta')).toContainText(`0 orders · ${vehicles} vehicles`);
  await expect(depotRows(page)).not.toHaveCount(0);
  // A depot its vehicles use cannot go: the refusal names them.
  await depotRows(page).first().getByRole('button', { name: /^Delete depot/ }).click();
  await expect(depotsRegion(page).getByText(/start or end there: change their depot first/)).toBeVisible();

  dialog = await openNewScenario(page);
  await dialog.getByRole('button', { name: 'From a file…' }).click();
  await expect(page.getByRole('dialog', { name: 'Import orders, vehicles or a scenario' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'New scenario' })).toHaveCount(0);
});
