// The Content Security Policy in Chromium: the built page carries the build-time
// policy and installs the narrowed one at startup; the planner is used end to end
// with no violation; a request, image or inline script aimed elsewhere is refused
// before it leaves; and a tile host configured in Settings is admitted from the
// next start (tiles and requests reach it), with a notice until then.
import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, mapRegion, optimize, test } from './support';

const TILE_HOST = 'https://tiles.example.test';
const ELSEWHERE = 'https://elsewhere.example.test';
const PNG = readFileSync(new URL('../../public/icons/icon-192.png', import.meta.url));

interface Violation { directive: string; blocked: string }

/** Records every `securitypolicyviolation` of the page (from before its first script) in window.__csp. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    (window as unknown as { __csp: typeof seen }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);
const policies = (page: Page) => page.locator('meta[http-equiv="Content-Security-Policy"]');

/** Answers requests to `origin` with a PNG (any path), counting them; CORS allowed so a fetch could read it. */
async function serveHost(page: Page, origin: string): Promise<string[]> {
  const seen: string[] = [];
  await page.route(`${origin}/**`, (route) => {
    seen.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: PNG, headers: { 'access-control-allow-origin': '*' } });
  });
  return seen;
}

async function closeDialog(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();
}

test('the planner is used end to end under both policies with no violation', async ({ page }) => {
  await recordViolations(page);
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

  // Build time: first in <head>, before every script; admits any web host for the runtime policy to narrow.
  await expect(policies(page)).toHaveCount(2);
  expect(await page.evaluate(() => document.head.firstElementChild?.getAttribute('http-equiv'))).toBe('Content-Security-Policy');
  const [built, runtime] = await policies(page).evaluateAll((metas) => metas.map((m) => m.getAttribute('content') ?? ''));
  expect(built).toContain("script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob: https: http:");
  expect(runtime).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org; connect-src 'self' https://tile.openstreetmap.org;");

  await optimize(page);
  await expect(page.getByRole('region', { name: 'Timeline' }).locator('.tl-stop').first()).toBeVisible();
  for (const name of ['Orders', 'Vehicles'] as const) {
    await page.getByRole('banner').getByRole('button', { name, exact: true }).click();
    await closeDialog(page, name);
  }
  for (const name of ['Scenarios', 'Settings', 'Import'] as const) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Plan (CSV)' }).click()]);
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /Print manifest/ }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

  expect(await violations(page)).toEqual([]);
});

test.describe('outside hosts', () => {
  // What Chromium logs for each refusal these tests cause on purpose.
  test.use({
    expectedConsoleError: new RegExp([
      /^(Connecting to|Loading the image) 'https:\/\/elsewhere\.example\.test\/[^']*' violates the following Content Security Policy directive/.source,
      /^Fetch API cannot load https:\/\/elsewhere\.example\.test\/[^ ]*\. Refused to connect because it violates the document's Content Security Policy/.source,
      /^Executing inline script violates the following Content Security Policy directive/.source,
    ].join('|')),
  });

  test('a request, an image and an inline script aimed elsewhere are refused before they leave', async ({ page }) => {
    await recordViolations(page);
    const reached = await serveHost(page, ELSEWHERE);
    await page.goto('/');
    await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

    const fetched = await page.evaluate(async (url) => fetch(url).then(() => 'answered', (e: Error) => `refused: ${e.name}`), `${ELSEWHERE}/collect?d=1`);
    expect(fetched).toBe('refused: TypeError');
    const image = await page.evaluate((url) => new Promise<string>((resolve) => {
      const img = new Image();
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('refused');
      img.src = url;
    }), `${ELSEWHERE}/pixel.png`);
    expect(image).toBe('refused');
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.head.append(script);
      return (window as { __inline?: number }).__inline ?? 'never ran';
    });
    expect(ran).toBe('never ran');

    expect(reached, 'nothing reached the outside host').toEqual([]);
    await expect.poll(() => violations(page)).toEqual([
      { directive: 'connect-src', blocked: `${ELSEWHERE}/collect?d=1` },
      { directive: 'img-src', blocked: `${ELSEWHERE}/pixel.png` },
      // Both policies forbid inline script: each reports it.
      { directive: 'script-src-elem', blocked: 'inline' },
      { directive: 'script-src-elem', blocked: 'inline' },
    ]);
  });

  test('a tile host set in Settings is admitted from the next start: tiles and requests reach it, others still do not', async ({ page }) => {
    await recordViolations(page);
    const tiles = await serveHost(page, TILE_HOST);
    const reached = await serveHost(page, ELSEWHERE);
    await page.goto('/');
    await expect(page.locator('[data-save-status="saved"]')).toBeVisible();

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Map tile URL').fill(`${TILE_HOST}/{z}/{x}/{y}.png`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    // This page's policy was set at startup: the new host waits for a reload instead of causing violations.
    await expect(mapRegion(page).getByText('Map tiles from this host are allowed once the app is reloaded')).toBeVisible();
    await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
    expect(tiles).toEqual([]);

    await page.reload();
    await expect(policies(page).nth(1)).toHaveAttribute('content', new RegExp(`img-src 'self' data: blob: https://tile.openstreetmap.org ${TILE_HOST}; connect-src 'self' https://tile.openstreetmap.org ${TILE_HOST};`));
    await expect(mapRegion(page).locator(`img.leaflet-tile-loaded[src^="${TILE_HOST}/"]`).first()).toBeVisible();
    await expect(mapRegion(page).getByText('Map tiles from this host')).toHaveCount(0);
    await expect(mapRegion(page).getByText('Map tiles unavailable')).toHaveCount(0);
    expect(tiles.length).toBeGreaterThan(0);
    expect(await page.evaluate(async (url) => (await fetch(url)).status, `${TILE_HOST}/ping`)).toBe(200);
    expect(await page.evaluate(async (url) => fetch(url).then(() => 'answered', () => 'refused'), `${ELSEWHERE}/ping`)).toBe('refused');
    expect(reached).toEqual([]);
    expect(await violations(page)).toEqual([{ directive: 'connect-src', blocked: `${ELSEWHERE}/ping` }]);
  });
});
