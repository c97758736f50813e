// Scenarios in Chromium: branch the open scenario, change the branch (replace
// its fleet from a CSV and plan again), compare both plans on the KPIs, rename,
// delete with Undo, and find everything again after a reload.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Page } from '@playwright/test';
import { expect, mapRegion, optimize, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as { name: string; orders: unknown[] };
const VEHICLES_CSV = fileURLToPath(new URL('../fixtures/csv/vehicles.csv', import.meta.url));

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Optimize (support.ts), then wait until the plan is saved. */
async function optimizeAndSave(page: Page): Promise<void> {
  await optimize(page);
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
}

async function openScenarios(page: Page) {
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenarios' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('branch a scenario, change the branch, compare both plans, rename, delete with undo', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await optimizeAndSave(page);

  let dialog = await openScenarios(page);
  await dialog.getByRole('button', { name: 'Duplicate (branch)' }).click();
  await expect(heading(page)).toHaveText(`${DEMO.name} (branch)`);

  // Change the branch: only two vans today.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const importDialog = page.getByRole('dialog');
  await importDialog.getByLabel('Choose a file to import').setInputFiles(VEHICLES_CSV);
  await expect(importDialog.getByRole('radio', { name: 'Vehicles' })).toBeChecked();
  await importDialog.getByRole('button', { name: 'Check rows' }).click();
  // The file prices kilometres only: the review says driver time costs nothing.
  await expect(importDialog.getByRole('status').filter({ hasText: 'No cost per hour' })).toContainText('their time costs nothing');
  await importDialog.getByText(/^Replace the \d+ vehicles$/).click();
  await importDialog.getByRole('button', { name: 'Import 2 vehicles' }).click();
  await importDialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(page.locator('.header-scenario')).toContainText('2 vehicles');
  await optimizeAndSave(page);

  dialog = await openScenarios(page);
  await expect(dialog.getByRole('table', { name: 'Saved scenarios' }).locator('tbody tr')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Compare…' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare scenarios' });
  const table = compare.getByRole('table', { name: 'Comparison' });
  await expect(table.locator('thead')).toContainText(`${DEMO.name} (branch)`);
  await expect(table.locator('thead')).toContainText(DEMO.name);
  for (const kpi of ['Cost', 'Km', 'Hours', 'Vehicles used', 'On time', 'Unassigned']) {
    await expect(table.getByRole('rowheader', { name: kpi, exact: true })).toBeVisible();
  }
  await expect(table.getByRole('row', { name: /Vehicles used/ })).toContainText('2');
  await page.screenshot({ path: testInfo.outputPath('compare.png') });
  await compare.getByRole('button', { name: 'Close' }).click();

  dialog = await openScenarios(page);
  await dialog.getByRole('button', { name: `Rename ${DEMO.name} (branch)` }).click();
  await dialog.getByLabel('New name').fill('Two vans');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(heading(page)).toHaveText('Two vans');
  await page.screenshot({ path: testInfo.outputPath('scenarios.png') });

  await dialog.getByRole('button', { name: 'Delete Two vans' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Deleted “Two vans”' })).toBeVisible();
  await expect(heading(page)).toHaveText(DEMO.name);
  await expect(dialog.locator('tbody tr')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Undo delete' }).click();
  await expect(heading(page)).toHaveText('Two vans');
  await expect(dialog.locator('tbody tr')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.reload();
  await expect(heading(page)).toHaveText('Two vans');
  dialog = await openScenarios(page);
  await expect(dialog.locator('tbody tr')).toHaveCount(2);
});
