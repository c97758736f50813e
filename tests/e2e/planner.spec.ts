// The planner end to end in Chromium: first visit shows the demo, Optimize draws
// and lists routes, a reload restores the same plan, and Cancel during a long
// solve keeps the best plan so far. Fails on any console error of the app.
import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, isLocal, mapRegion, test, viewsCaughtUp } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as { name: string; orders: unknown[] };


async function setTimeLimit(page: Page, seconds: number): Promise<void> {
  const input = page.getByLabel('Time limit (s)');
  await input.fill(String(seconds));
  await input.press('Tab');
  await expect(input).toHaveValue(String(seconds));
}

test('first visit shows the demo, Optimize draws and lists routes, reload restores them', async ({ page }, testInfo) => {
  await page.goto('/');
  const map = mapRegion(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
  await expect(map).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await expect(map.locator('.fmp-depot')).toHaveCount(1);
  await expect(page.getByText(`No plan yet for ${DEMO.orders.length} orders`)).toBeVisible();
  // Offline: the tiles fail and the map says so, but keeps working.
  await expect(map.getByText('Map tiles unavailable')).toBeVisible();

  await setTimeLimit(page, 3);
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(map).not.toHaveAttribute('data-route-count', '0', { timeout: 60_000 });
  // The best plan so far shows during the solve; the one to compare after the reload is the final plan.
  await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled({ timeout: 60_000 });
  await viewsCaughtUp(page);
  const routeCount = Number(await map.getAttribute('data-route-count'));
  await expect(page.locator('.routes-table tr[data-vehicle-id]')).toHaveCount(routeCount);
  // The plan passed the independent check: nothing drawn as untrusted, no violation banner.
  await expect(map).toHaveAttribute('data-untrusted-route-count', '0');
  await expect(page.getByText('failed the independent check')).toHaveCount(0);

  const table = await page.locator('.routes-table').innerText();
  const summary = await page.getByLabel('Plan summary').innerText();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('planner-solved.png') });

  await page.reload();
  await expect(map).toHaveAttribute('data-route-count', String(routeCount));
  await expect.poll(() => page.locator('.routes-table').innerText()).toBe(table);
  await expect.poll(() => page.getByLabel('Plan summary').innerText()).toBe(summary);
  await expect(page.getByText('No plan yet')).toHaveCount(0);
});

test('Cancel during a long solve keeps the best plan so far', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await setTimeLimit(page, 300);
  await page.getByRole('button', { name: 'Optimize' }).click();

  await expect(page.getByLabel('Solver progress')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Solver progress')).toContainText('Best cost');
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeEnabled();
  await cancel.click();

  await expect(page.getByText('Stopped early — showing the best plan found so far.')).toBeVisible({ timeout: 15_000 });
  await expect(mapRegion(page)).not.toHaveAttribute('data-route-count', '0');
  await expect(page.locator('.routes-table tr[data-vehicle-id]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled();
  await expect(cancel).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('planner-cancelled.png') });
});

test('opening a scenario asks for map tiles of its own area only, on the first visit and after a reload', async ({ page }) => {
  // Remote requests are aborted by the test's guard, but still made: each tile asked for is recorded by its z/x/y.
  const asked: { z: number; url: string }[] = [];
  page.on('request', (request) => {
    const url = request.url();
    const tile = /\/(\d+)\/(\d+)\/(\d+)(?:@2x)?\.(?:png|jpe?g|webp)(?:\?|$)/.exec(url);
    if (tile && !isLocal(url)) asked.push({ z: Number(tile[1]), url });
  });
  const map = mapRegion(page);
  for (const open of [() => page.goto('/'), () => page.reload()]) {
    asked.length = 0;
    await open();
    await expect(map).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
    await expect(map.getByText('Map tiles unavailable')).toBeVisible();
    // The map's tiles once framed on the scenario: every tile asked for is at that zoom (none for the country-wide
    // view the map starts from, fetched and dropped a moment later).
    const shown = map.locator('.leaflet-tile-pane img.leaflet-tile');
    await expect(shown).not.toHaveCount(0);
    const zooms = new Set((await shown.evaluateAll((tiles) => tiles.map((t) => (t as HTMLImageElement).src)))
      .map((src) => Number(/\/(\d+)\/\d+\/\d+/.exec(src)?.[1])));
    expect(zooms.size, `zooms of the tiles on the map: ${[...zooms].join(', ')}`).toBe(1);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((t) => !zooms.has(t.z)).map((t) => t.url), 'tiles asked for outside the framed view').toEqual([]);
  }
});
