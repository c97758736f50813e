// Robust planning in Chromium (issue #14): the On-time target setting is saved
// and Optimize plans with it; "Compare on-time targets" plans the demo at 0, 80,
// 90 and 95 % and "Use this plan" makes a row's plan the current plan.
import { type Page } from '@playwright/test';
import { expect, mapRegion, optimize, test } from './support';
import { solveDemo } from './plan-fixtures';

const riskRegion = (page: Page) => page.getByRole('region', { name: 'Risk' });
const kpiCost = (page: Page) => page.getByLabel('Plan summary').locator('.stat', { hasText: 'Cost' }).locator('.stat__value');

test('the On-time target is saved in Settings and Optimize plans with it', async ({ page }) => {
  await page.goto('/');
  await expect(mapRegion(page)).not.toHaveAttribute('data-stop-count', '0');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: 'Settings' });
  const field = dialog.getByLabel(/On-time target/);
  await expect(field).toHaveValue('');
  await field.fill('120');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('must be ≤ 99')).toBeVisible();
  await field.fill('90');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByLabel(/On-time target/)).toHaveValue('90');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await optimize(page, 2);
  await expect(page.getByText('Finished.')).toBeVisible();
  // The plan passed the checker (no problems listed) and its risk is estimated.
  await expect(page.getByText('This plan failed the independent check')).toHaveCount(0);
  await expect(riskRegion(page)).toContainText(/Expected late stops: \d+\.\d/, { timeout: 60_000 });
});

test('"Compare on-time targets" shows four plans side by side and "Use this plan" adopts one', async ({ page }) => {
  test.setTimeout(180_000);
  await solveDemo(page, 1);
  const region = riskRegion(page);
  await expect(region).toContainText('Expected late stops', { timeout: 60_000 });
  await region.getByRole('button', { name: 'Compare on-time targets' }).click();
  const table = region.getByRole('table', { name: 'On-time trade-off' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4, { timeout: 120_000 });
  await expect(region.getByRole('button', { name: 'Compare on-time targets' })).toBeEnabled({ timeout: 60_000 });
  await expect(rows.locator('th')).toHaveText(['Off', '80 %', '90 %', '95 %']);
  // Every row: cost, km, vehicles, unassigned, expected late stops and an on-time share.
  for (let i = 0; i < 4; i++) await expect(rows.nth(i).locator('td').nth(5)).toHaveText(/^\d+(\.\d)? %$/);
  const costs = await rows.locator('td:nth-child(2)').allInnerTexts();
  const before = await kpiCost(page).innerText();
  // Adopt a row whose cost differs from the current plan's, so the change is visible.
  const pick = costs.findIndex((c) => c !== before);
  expect(pick).toBeGreaterThanOrEqual(0);
  await rows.nth(pick).getByRole('button', { name: 'Use this plan' }).click();
  await expect(kpiCost(page)).toHaveText(costs[pick]);
  await expect(page.getByText('Plan out of date')).toHaveCount(0);
  await expect(page.getByText('This plan failed the independent check')).toHaveCount(0);
  await expect(region).toContainText(/Expected late stops: \d+\.\d/, { timeout: 60_000 });
});
