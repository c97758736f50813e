// The installable, offline planner in Chromium: after one visit the service
// worker has precached the app, the solver's .wasm and the demo, so with the
// network off a reload opens the saved scenario, Optimize plans and Export
// downloads. The web app manifest is served, valid, and Chromium finds the app installable.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { expect, mapRegion, optimize, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as { name: string; orders: unknown[] };

test('after one visit the planner loads, solves and exports with the network off', async ({ page, context }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  // `ready` resolves once the worker is active, i.e. after its install step precached everything.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/^http:\/\/localhost:\d+\/$/);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine), 'the network is off for the page').toBe(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the page is served by the service worker').toBe(true);

  await optimize(page, 2);
  await expect(mapRegion(page)).toHaveAttribute('data-untrusted-route-count', '0');
  await page.screenshot({ path: testInfo.outputPath('offline-solved.png') });

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Scenario file' }).click()]);
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { scenario: { name: string; plan: { solution: { routes: unknown[] } } } };
  expect(exported.scenario.name).toBe(DEMO.name);
  expect(exported.scenario.plan.solution.routes.length).toBeGreaterThan(0);
  await context.setOffline(false);
});

/** The parts loaded on first use (web/src/components/ui/lazy-parts.ts), by the chunk the build names after each. */
const FIRST_USE_CHUNKS = ['SettingsDialog', 'ImportDialog', 'VehiclesDialog', 'OrdersDialog', 'DayPanel'];
const chunkOf = (url: string) => FIRST_USE_CHUNKS.find((name) => new RegExp(`/assets/${name}-[^/]*\\.js$`).test(url));

test('the windows loaded on first use are not loaded at startup, and open with the network gone on a first visit', async ({ page, context }) => {
  const asked: string[] = [];
  page.on('request', (request) => { const chunk = chunkOf(request.url()); if (chunk) asked.push(chunk); });
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  expect(asked, 'chunks of the parts loaded on first use, asked for at startup').toEqual([]);
  // The worker controls this first visit's page once it is active (no reload), so the network can go at once.
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
  await context.setOffline(true);

  // Each opens from the offline copy, its chunk asked for then; it closes and opens again as before.
  for (const name of ['Settings', 'Vehicles', 'Orders'] as const) {
    for (let time = 0; time < 2; time++) {
      await page.getByRole('banner').getByRole('button', { name, exact: true }).click();
      await expect(page.getByRole('dialog', { name })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name })).toBeHidden();
    }
  }
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import orders, vehicles or a scenario' });
  await expect(importDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(importDialog).toBeHidden();
  await optimize(page, 2);
  await page.getByRole('button', { name: 'Dispatch' }).click();
  await expect(page.getByRole('button', { name: 'Paste status' })).toBeVisible();
  expect([...new Set(asked)].sort()).toEqual([...FIRST_USE_CHUNKS].sort());
  await context.setOffline(false);
});

test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block', expectedConsoleError: /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/ });

  test('a window whose code cannot be loaded says so and can be closed; after a reload online it opens', async ({ page }) => {
    let refuse = true;
    await page.route(/\/assets\/SettingsDialog-[^/]*\.js$/, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
    await page.goto('/');
    await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
    await page.getByRole('banner').getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByRole('alert')).toContainText('Settings could not be loaded');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    refuse = false;
    await page.reload();
    await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
    await page.getByRole('banner').getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeVisible();
  });
});

test('the web app manifest is served and valid, and Chromium finds the app installable', async ({ page, request, baseURL }, testInfo) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const response = await request.get(href!);
  expect(response.ok()).toBe(true);
  const manifest = await response.json() as { name: string; short_name: string; display: string; start_url: string; icons: { src: string; sizes: string; type: string }[] };
  expect(manifest).toMatchObject({ name: 'Final Mile Planner', display: 'standalone' });
  expect(manifest.start_url).toBeTruthy();
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
    expect(icon, `a ${size} PNG icon`).toBeTruthy();
    const image = await request.get(new URL(icon!.src, response.url()).href);
    expect(image.headers()['content-type']).toBe('image/png');
  }
  // Chromium never offers to install from an incognito profile (Playwright's default): use a real profile.
  const profile = await chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const app = profile.pages()[0] ?? await profile.newPage();
    await app.goto(baseURL!);
    await app.evaluate(async () => navigator.serviceWorker.ready);
    const cdp = await profile.newCDPSession(app);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors') as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  } finally {
    await profile.close();
  }
});
