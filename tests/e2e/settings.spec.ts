// Settings in Chromium: a bad value is explained next to its field and blocks
// Save; a tile URL change redraws the background without touching the plan; a
// speed or catalogue change makes the plan stale and survives a reload.
import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, mapRegion, optimize, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as { orders: unknown[] };

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('settings: inline errors block Save, tiles keep the plan, speed and catalogue changes make it stale and persist', async ({ page }, testInfo) => {
  await page.goto('/');
  const map = mapRegion(page);
  await expect(map).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await optimize(page);
  const stale = page.getByText('Plan out of date');
  await expect(stale).toHaveCount(0);

  // Tiles only: the offline notice goes with the tile layer, the plan stays current.
  await expect(map.getByText('Map tiles unavailable')).toBeVisible();
  let dialog = await openSettings(page);
  await dialog.getByLabel('Map tile URL').fill('');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(map.getByText('Map tiles unavailable')).toHaveCount(0);
  await expect(map.locator('.leaflet-tile-pane img')).toHaveCount(0);
  await expect(stale).toHaveCount(0);

  dialog = await openSettings(page);
  const circuity = dialog.getByLabel('Circuity factor');
  await circuity.fill('0.8');
  await expect(dialog.getByText('Circuity factor: must be ≥ 1')).toBeVisible();
  await expect(circuity).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText('Not saved');
  await expect(circuity).toHaveValue('0.8');
  await expect(circuity).toBeFocused();
  await expect(stale).toHaveCount(0);

  await circuity.fill('1.4');
  await expect(dialog.getByText('Circuity factor:')).toHaveCount(0);
  await dialog.getByLabel('Urban speed, van (km/h)').fill('35');
  await dialog.getByLabel('White glove: base minutes').fill('45');
  // The unit the demo's orders carry amounts in cannot be removed.
  await expect(dialog.getByRole('button', { name: 'Remove capacity unit 1 (kg)' })).toBeDisabled();
  await expect(dialog.getByText(/In use by \d+ orders: cannot be removed/).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('settings.png') });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(stale).toBeVisible();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  const routes = await map.getAttribute('data-route-count');
  await expect(map).toHaveAttribute('data-untrusted-route-count', routes!);

  await page.reload();
  await expect(map).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  // Still not trusted: the reload re-checks the old plan against the new travel model.
  await expect(map).toHaveAttribute('data-route-count', routes!);
  await expect(map).toHaveAttribute('data-untrusted-route-count', routes!);
  dialog = await openSettings(page);
  await expect(dialog.getByLabel('Circuity factor')).toHaveValue('1.4');
  await expect(dialog.getByLabel('Urban speed, van (km/h)')).toHaveValue('35');
  await expect(dialog.getByLabel('White glove: base minutes')).toHaveValue('45');
  await expect(dialog.getByLabel('Map tile URL')).toHaveValue('');
});

test('settings: Cancel discards the draft', async ({ page }) => {
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  let dialog = await openSettings(page);
  const before = await dialog.getByLabel('Urban speed, van (km/h)').inputValue();
  await dialog.getByLabel('Urban speed, van (km/h)').fill('-3');
  await expect(dialog.getByText('Urban speed, van (km/h): must be ≥ 1 km/h')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add unit' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Capacity unit 3' })).toBeFocused();
  await expect(dialog.getByText('Capacity unit 3: must not be empty')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  dialog = await openSettings(page);
  await expect(dialog.getByLabel('Urban speed, van (km/h)')).toHaveValue(before);
  await expect(dialog.getByText('must be ≥ 1 km/h')).toHaveCount(0);
  await expect(dialog.getByRole('textbox', { name: 'Capacity unit 3' })).toHaveCount(0);
});
