// Several solver workers in Chromium: "Solver workers" = 2 is kept on the device; Optimize on the demo
// produces a checked plan; during a long solve the map and lists show the best plan so far and follow
// it as it improves; Cancel keeps the best plan.
import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, mapRegion, optimize, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as { orders: unknown[] };

async function setSolverWorkers(page: Page, workers: number): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Solver workers').fill(String(workers));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

test('with two solver workers Optimize plans the demo; a long solve shows the best plan so far and Cancel keeps it', async ({ page }, testInfo) => {
  await page.goto('/');
  const map = mapRegion(page);
  await expect(map).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await setSolverWorkers(page, 2);

  // Out-of-range values are refused next to the field; the saved value survives a reload.
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const field = dialog.getByLabel('Solver workers');
  await expect(field).toHaveValue('2');
  await field.fill('0');
  await expect(dialog.getByText('Solver workers: must be between 1 and 16')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await optimize(page, 3);
  await expect(map).toHaveAttribute('data-untrusted-route-count', '0');
  await expect(page.getByText('failed the independent check')).toHaveCount(0);
  await expect(page.getByText('Finished.')).toBeVisible();
  // The winning plan is explained once, after the workers: the demo's crew-of-3 order says why it is out.
  await expect(page.getByRole('region', { name: 'Unassigned' }).locator('li[data-order-id="LYO-1030"]')).toContainText('needs a crew of 3');

  // A long solve: the plan on screen follows the best plan so far while the solver is still running.
  const input = page.getByLabel('Time limit (s)');
  await input.fill('300');
  await input.press('Tab');
  const before = await page.getByLabel('Plan summary').innerText();
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Searching for a better plan…' })).toBeVisible({ timeout: 30_000 });
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect.poll(() => page.getByLabel('Plan summary').innerText(), { timeout: 30_000 }).not.toBe(before);
  await expect(cancel).toBeEnabled();
  await expect(map).not.toHaveAttribute('data-route-count', '0');
  await expect(map).toHaveAttribute('data-untrusted-route-count', '0');
  const shown = await page.getByLabel('Plan summary').innerText();
  await expect.poll(() => page.getByLabel('Plan summary').innerText(), { timeout: 30_000 }).not.toBe(shown);
  await expect(cancel).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('workers-best-so-far.png') });

  await cancel.click();
  await expect(page.getByText('Stopped early — showing the best plan found so far.')).toBeVisible({ timeout: 15_000 });
  await expect(map).not.toHaveAttribute('data-route-count', '0');
  await expect(map).toHaveAttribute('data-untrusted-route-count', '0');
  await expect(page.getByText('failed the independent check')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled();
});
