// A new user's first session, driven only through what the screen shows (roles
// and accessible names): import their own CSV whose headers are not the built-in
// names, map the columns left over, fix one bad row and remove another, optimize,
// drag a stop to another vehicle, undo and redo, export the plan CSV and the
// scenario file (read back), and print the driver manifests.
import { readFileSync } from 'node:fs';
import { type Locator, type Page } from '@playwright/test';
import { parseCsv } from '../../web/src/io/csv';
import { expect, test } from './support';

/** The user's file: header row 1, so the order on line i is spreadsheet row i + 1. */
const HEADERS = ['Ref', 'Customer', 'Street', 'Latitude', 'Longitude', 'From', 'Until', 'Weight (kg)', 'Pkgs', 'Handling (min)', 'Delivery kind', 'Notes', 'Tel', 'Door code'];
const ROWS: string[][] = [
  ['WO-101', 'Alice Moreau', '12 Rue Mercière, Lyon 2e', '45.7620', '4.8331', '08:00', '12:00', '35', '2', '10', 'Room of choice', 'Call first', '+33 4 78 00 01 01', 'A12'],
  ['WO-102', 'Boulangerie Rivière', '4 Place Saint-Paul, Lyon 5e', '45.7659', '4.8272', '07:30', '10:00', '12', '1', '', 'Threshold', 'Back entrance', '+33 4 78 00 01 02', ''],
  ['WO-103', 'Hugo Lambert', '88 Cours Lafayette, Lyon 3e', '45.7631', '4.8512', '10:00', '13:00', '80', '1', '30', 'White glove', '', '+33 6 11 00 01 03', '1111'],
  // Row 5: a latitude typed wrong; fixed in place.
  ['WO-104', 'Inès Garnier', '17 Rue Paul Bert, Lyon 3e', '123', '4.8533', '13:00', '17:00', '4', '1', '', 'Threshold', '', '', ''],
  ['WO-105', 'Atelier Croix-Rousse', '9 Boulevard de la Croix-Rousse, Lyon 4e', '45.7745', '4.8310', '09:00', '12:00', '150', '3', '20', 'Room of choice', 'Two people', '+33 4 78 00 01 05', ''],
  ['WO-106', 'Léa Petit', '25 Avenue Jean Jaurès, Lyon 7e', '45.7469', '4.8426', '09:30', '12:30', '18', '1', '', 'Room of choice', '', '+33 6 00 00 01 06', '77B'],
  ['WO-107', 'Nathan Roux', '3 Rue de Marseille, Lyon 7e', '45.7516', '4.8421', '14:00', '17:30', '9', '1', '', 'Threshold', '', '+33 6 00 00 01 07', ''],
  // Row 9: the window closes before it opens; removed.
  ['WO-108', 'Camille Fournier', '60 Rue Garibaldi, Lyon 6e', '45.7694', '4.8515', '16:00', '14:00', '45', '2', '20', 'White glove', 'Fragile mirror', '+33 6 00 00 01 08', '2020'],
  ['WO-109', 'Pharmacie Monplaisir', '120 Avenue des Frères Lumière, Lyon 8e', '45.7432', '4.8707', '08:00', '10:00', '6', '1', '', 'Threshold', '', '+33 4 78 00 01 09', ''],
  ['WO-110', 'Lucas Girard', '9 Rue de Créqui, Lyon 6e', '45.7643', '4.8456', '15:00', '18:00', '22', '1', '', 'Room of choice', '', '+33 6 00 00 01 10', ''],
  ['WO-111', 'Manon Blanc', '31 Quai Saint-Antoine, Lyon 2e', '45.7635', '4.8312', '11:00', '14:00', '3', '1', '', 'Threshold', '', '+33 6 00 00 01 11', ''],
  ['WO-112', 'Théo Bonnet', '7 Rue Servient, Lyon 3e', '45.7608', '4.8479', '13:30', '16:00', '27', '1', '15', 'Room of choice', 'Old sofa stays', '+33 6 00 00 01 12', '5555'],
  ['WO-113', 'Sarah Mercier', '40 Rue de la République, Lyon 2e', '45.7622', '4.8361', '10:00', '15:00', '14', '2', '', 'Threshold', '', '+33 6 00 00 01 13', ''],
  ['WO-114', 'Karim Haddad', '15 Avenue Berthelot, Lyon 7e', '45.7478', '4.8446', '12:00', '17:00', '60', '1', '30', 'White glove', 'Ring twice', '+33 6 00 00 01 14', 'B4'],
  ['WO-115', 'Julie Perret', '2 Place Bellecour, Lyon 2e', '45.7578', '4.8320', '08:30', '11:30', '7', '1', '', 'Threshold', '', '+33 6 00 00 01 15', ''],
];
const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const CSV = [HEADERS, ...ROWS].map((r) => r.map(quote).join(',')).join('\r\n');
/** Every order but the removed WO-108. */
const IMPORTED_IDS = ROWS.map((r) => r[0]).filter((id) => id !== 'WO-108');

const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
const timelineOf = (page: Page, vehicle: string) => timeline(page).getByRole('group', { name: `Timeline of ${vehicle}` });
/** A stop on the timeline by customer ("Stop 3: Léa Petit — arrives …"). */
const stopOf = (scope: Locator, customer: string) => scope.getByRole('button', { name: new RegExp(`^Stop \\d+: ${customer} — `) });
const selectedLabel = (select: Locator) => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');

async function download(page: Page, item: string): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test('a new user imports an unfamiliar CSV, fixes it, plans, edits, exports and prints', async ({ page }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });

  // A fresh browser: nothing stored yet, so the demo opens.
  await page.goto('/');
  await expect(page.getByRole('banner')).toContainText('80 orders');

  // 1. File → columns: most are matched from the headers; three are mapped by hand.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'my-orders.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(dialog.getByRole('heading', { name: 'Import my-orders.csv' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Orders' })).toBeChecked();
  const field = (column: string) => dialog.getByLabel(`Field for column ${column}`);
  const matched: Record<string, string> = {
    Ref: 'Order id', Customer: 'Customer name', Street: 'Address', Latitude: 'Latitude', Longitude: 'Longitude',
    From: 'Window start', Until: 'Window end', 'Weight (kg)': 'Amount (kg)', Notes: 'Notes', Tel: 'Phone',
  };
  for (const [column, label] of Object.entries(matched)) expect(await selectedLabel(field(column)), column).toBe(label);
  for (const column of ['Pkgs', 'Handling (min)', 'Delivery kind', 'Door code']) expect(await selectedLabel(field(column)), column).toBe('Keep as custom field');
  await field('Pkgs').selectOption({ label: 'Amount (items)' });
  await field('Handling (min)').selectOption({ label: 'Service minutes' });
  await field('Delivery kind').selectOption({ label: 'Service type' });
  await expect(dialog.getByText('1 column is kept as custom fields')).toBeVisible();
  await shot('1-mapping');

  // 2. Rows: the two bad ones are listed with row number, field and reason.
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  const problems = dialog.getByRole('list', { name: 'Rows that need attention' });
  await expect(problems.getByRole('listitem')).toHaveCount(2);
  await expect(problems).toContainText('row 5, Latitude (column “Latitude”): latitude must be ≤ 90');
  await expect(problems).toContainText('row 9, Window start (column “From”): window opens after it closes');
  await expect(dialog.getByText('13 rows ready')).toBeVisible();
  // Either end of the reversed window may be the typo: both can be edited in place.
  await expect(dialog.getByLabel('Row 9 From')).toHaveValue('16:00');
  await expect(dialog.getByLabel('Row 9 Until')).toHaveValue('14:00');
  await shot('2-rows-to-fix');

  await dialog.getByLabel('Row 5 Latitude').fill('45.7585');
  await dialog.getByLabel('Row 5 Latitude').press('Tab');
  await expect(problems.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Remove row 9' }).click();
  await expect(dialog.getByText('no row needs attention')).toBeVisible();
  await expect(dialog.getByText('1 removed')).toBeVisible();

  // 3. Their orders take the place of the demo's.
  // The choice is drawn as a segmented button: the user clicks its text.
  await dialog.getByText('Replace the 80 orders').click();
  await expect(dialog.getByRole('radio', { name: 'Replace the 80 orders' })).toBeChecked();
  await expect(dialog.getByText('The current plan is removed.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 14 orders' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 14 orders (replacing the previous ones).');
  await shot('3-imported');
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('banner')).toContainText('14 orders');

  // 4. Optimize.
  await page.getByLabel('Time limit (s)').fill('2');
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByText('Finished.')).toBeVisible({ timeout: 60_000 });
  const planned = timeline(page).getByRole('button', { name: /^Stop \d+: / });
  const unassigned = page.getByRole('region', { name: 'Unassigned' }).getByRole('heading');
  await expect(unassigned).toHaveText(/Unassigned orders\s*0/);
  await expect(planned).toHaveCount(IMPORTED_IDS.length);
  await shot('4-planned');

  // 5. Drag the first stop of the first used vehicle onto another vehicle's timeline.
  const rows = timeline(page).getByRole('group', { name: /^Timeline of / });
  const names = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')!.replace('Timeline of ', '')));
  const counts = await Promise.all(names.map((n) => timelineOf(page, n).getByRole('button', { name: /^Stop \d+: / }).count()));
  const from = names[counts.findIndex((c) => c > 0)];
  const to = names.find((n) => n !== from)!;
  const moving = timelineOf(page, from).getByRole('button', { name: /^Stop 1: / });
  const customer = /^Stop 1: (.+?) — /.exec((await moving.getAttribute('aria-label'))!)![1];
  const movedId = ROWS.find((r) => r[1] === customer)![0];

  await moving.hover();
  await page.mouse.down();
  const box = (await timelineOf(page, to).boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.55 - 5, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2, { steps: 2 });
  // While dragging, a badge says what the drop would do.
  await expect(page.getByRole('status', { name: 'Move preview' })).toContainText(/Feasible|Not feasible|No new problems/);
  await shot('5-dragging');
  await page.mouse.up();
  // A drop that breaks a rule asks first; this user accepts.
  const applyAnyway = page.getByRole('dialog').getByRole('button', { name: 'Apply anyway' });
  await expect(stopOf(timelineOf(page, to), customer).or(applyAnyway)).toBeVisible();
  if (await applyAnyway.isVisible()) await applyAnyway.click();
  await expect(stopOf(timelineOf(page, to), customer)).toBeVisible();
  await expect(stopOf(timelineOf(page, from), customer)).toHaveCount(0);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(stopOf(timelineOf(page, from), customer)).toBeVisible();
  await expect(stopOf(timelineOf(page, to), customer)).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(stopOf(timelineOf(page, to), customer)).toBeVisible();
  await shot('6-edited');

  // 6. The plan CSV: one row per order, the moved one on its new vehicle.
  const plan = await download(page, 'Plan (CSV)');
  expect(plan.name).toMatch(/-plan\.csv$/);
  const table = await parseCsv(plan.text);
  const column = (name: string) => table.headers.indexOf(name);
  expect(table.rows).toHaveLength(IMPORTED_IDS.length);
  expect(table.rows.map((r) => r[column('Order id')]).sort()).toEqual([...IMPORTED_IDS].sort());
  expect(table.rows.find((r) => r[column('Order id')] === movedId)![column('Vehicle')]).toBe(to);
  expect(table.rows.find((r) => r[column('Order id')] === 'WO-104')![column('Lat')]).toBe('45.7585');
  // The column nobody mapped comes back under its own name.
  expect(table.rows.find((r) => r[column('Order id')] === 'WO-101')![column('Door code')]).toBe('A12');

  // 7. The scenario file: the same orders, the edited plan.
  const file = await download(page, 'Scenario file');
  expect(file.name).toMatch(/\.fmp\.json$/);
  const saved = JSON.parse(file.text) as {
    type: string; version: number;
    scenario: { orders: { id: string; amounts: number[]; serviceType: string; extra: Record<string, string> }[]; vehicles: { id: string; name: string }[]; plan: { solution: { routes: { vehicleId: string; steps: { type: string; id?: string }[] }[]; unassigned: unknown[] } } };
  };
  expect(saved).toMatchObject({ type: 'final-mile-scenario-file', version: 1 });
  expect(saved.scenario.orders.map((o) => o.id)).toEqual(IMPORTED_IDS);
  // An empty custom cell is no value: WO-105 has no door code, WO-101 keeps its own.
  const wo105 = saved.scenario.orders.find((o) => o.id === 'WO-105')!;
  expect(wo105).toMatchObject({ amounts: [150, 3], serviceType: 'room-of-choice' });
  expect(wo105.extra ?? {}).not.toHaveProperty('Door code');
  expect(saved.scenario.orders.find((o) => o.id === 'WO-101')!.extra).toMatchObject({ 'Door code': 'A12' });
  const routes = saved.scenario.plan.solution.routes.filter((r) => r.steps.some((s) => s.type === 'job'));
  const jobs = routes.flatMap((r) => r.steps.filter((s) => s.type === 'job').map((s) => s.id));
  expect(jobs.sort()).toEqual([...IMPORTED_IDS].sort());
  const toId = saved.scenario.vehicles.find((v) => v.name === to)!.id;
  expect(routes.find((r) => r.vehicleId === toId)!.steps.some((s) => s.id === movedId)).toBe(true);

  // 8. Print: the print dialog is stubbed; the printer gets one manifest per used vehicle.
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /Print manifest/ }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  const manifests = page.getByRole('region', { name: 'Driver manifests' }).getByRole('region', { name: /^Manifest of / });
  await expect(manifests).toHaveCount(routes.length);
  const toManifest = page.getByRole('region', { name: `Manifest of ${to}` });
  await expect(toManifest.getByRole('heading', { name: to })).toBeVisible();
  await expect(toManifest).toContainText(customer);
  const stopsOnTo = routes.find((r) => r.vehicleId === toId)!.steps.filter((s) => s.type === 'job').length;
  await expect(toManifest.getByRole('row')).toHaveCount(stopsOnTo + 1);
  await page.screenshot({ path: testInfo.outputPath('7-manifest.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});
