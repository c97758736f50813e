// Driver hand-off in Chromium (issue #13): "Share route" on a route of the
// optimized demo gives a "Driver link" whose fragment decodes (in node) to that
// route's stops in order, a QR code image that reads back (jsQR) as that link,
// Copy link and the route file; Day mode shares the dispatched route; the printed
// manifest carries each route's QR code; a route too long for a QR code goes as
// a downloaded route file.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import type { DriverRoute } from '../../web/src/domain/handoff/driver-route';
import { decodeRoute, driverPayload, QR_MAX_LINK_CHARS, readRouteFile } from '../../web/src/io/handoff';
import { makeLargeScenario, openScenario } from './plan-fixtures';
import { expect, optimize, test } from './support';

/** `order:type` of each stop of a route, as the driver view lists them. */
const stopKeys = (route: DriverRoute) => route.stops.map((s) => `${s.order}:${s.side ?? 'job'}`);

/** The used routes of the plan's table: vehicle id, name and stop count, in table order. */
async function routeRows(page: Page): Promise<{ id: string; name: string; stops: number }[]> {
  return page.locator('table.routes-table tr[data-vehicle-id]').evaluateAll((rows) => rows.map((tr) => ({
    id: tr.getAttribute('data-vehicle-id')!, name: tr.querySelector('.route-name')!.textContent!.trim(), stops: Number(tr.querySelectorAll('td.num')[0].textContent!.replace(/,/g, '')),
  })));
}

/** Unfolds a route of the plan and returns its stops (`order:type`) in visiting order. */
async function unfold(page: Page, vehicleId: string): Promise<string[]> {
  // The button toggles: a route already unfolded (the shortest may be the first one) stays so.
  const button = page.locator(`tr[data-vehicle-id="${vehicleId}"] .route-name`);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const items = page.locator('.route-stops-row li.route-stop[data-order-id]');
  await expect(items.first()).toBeVisible();
  return items.evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-order-id')}:${li.getAttribute('data-step-type')}`));
}

/** Opens "Share route" of the unfolded route; returns its dialog. */
async function share(page: Page, name: string): Promise<Locator> {
  await page.locator('.route-stops-row').getByRole('button', { name: 'Share route' }).click();
  const dialog = page.getByRole('dialog', { name: `Share the route of ${name}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function decodedHref(link: Locator): Promise<{ href: string; route: DriverRoute }> {
  const href = (await link.getAttribute('href'))!;
  const read = await decodeRoute(driverPayload(href) ?? '');
  if (!read.ok) throw new Error(read.message);
  return { href, route: read.route };
}

/**
 * Reads a QR code image of the page with jsQR: the SVG drawn on a canvas at a whole number of pixels
 * per module (its viewBox counts the modules), the pixels decoded in node.
 */
async function readQr(img: Locator): Promise<string | null> {
  const { size, data } = await img.evaluate(async (el: HTMLImageElement) => {
    await el.decode();
    const modules = Number(/viewBox="0 0 (\d+) /.exec(decodeURIComponent(el.src))?.[1] ?? 0);
    const px = modules * 6;
    const canvas = document.createElement('canvas');
    canvas.width = px;
    canvas.height = px;
    const ctx = canvas.getContext('2d')!;
    ctx.imageSmoothingEnabled = false;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, px, px);
    ctx.drawImage(el, 0, 0, px, px);
    const pixels = ctx.getImageData(0, 0, px, px).data;
    let binary = '';
    for (let i = 0; i < pixels.length; i += 0x8000) binary += String.fromCharCode(...pixels.subarray(i, i + 0x8000));
    return { size: px, data: btoa(binary) };
  });
  expect(size, 'QR image modules').toBeGreaterThan(0);
  return jsQR(new Uint8ClampedArray(Buffer.from(data, 'base64')), size, size)?.data ?? null;
}

test('Share route: the driver link carries the route, its QR code reads back as the link, copy and route file; Day mode too', async ({ page, context, baseURL }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  await page.goto('/');
  await optimize(page, 2);
  const rows = await routeRows(page);
  const first = rows[0];
  const planned = await unfold(page, first.id);
  const dialog = await share(page, first.name);

  const link = dialog.getByRole('link', { name: 'Driver link' });
  const { href, route } = await decodedHref(link);
  expect(href.startsWith(`${baseURL}/#driver=`)).toBe(true);
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(stopKeys(route)).toEqual(planned);
  expect(route.vehicle).toEqual({ id: first.id, name: first.name });
  // The first route is as long as the 2-second solve made it: a QR code when its link fits one, else the file is offered.
  const qr = dialog.getByRole('img', { name: `QR code of the driver link for ${first.name}` });
  if (href.length <= QR_MAX_LINK_CHARS) {
    await expect(qr).toBeVisible();
    expect(await readQr(qr)).toBe(href);
  } else {
    await expect(dialog.getByText(/Too long for a QR code/)).toBeVisible();
    await expect(qr).toHaveCount(0);
  }

  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);

  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download route file' }).click()]);
  expect(file.suggestedFilename()).toBe(`${first.name.replace(/[^A-Za-z0-9._-]+/g, '-')}-route.fmp-route.json`);
  expect(readRouteFile(readFileSync((await file.path())!, 'utf8'))).toEqual({ ok: true, route });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The shortest route holds at most 78/6 = 13 stops: its link always fits a QR code, which reads back as the link.
  const shortest = [...rows].sort((a, b) => a.stops - b.stops)[0];
  const shortStops = await unfold(page, shortest.id);
  const shortDialog = await share(page, shortest.name);
  const short = await decodedHref(shortDialog.getByRole('link', { name: 'Driver link' }));
  expect(stopKeys(short.route)).toEqual(shortStops);
  expect(short.href.length).toBeLessThanOrEqual(QR_MAX_LINK_CHARS);
  const shortQr = shortDialog.getByRole('img', { name: `QR code of the driver link for ${shortest.name}` });
  await expect(shortQr).toBeVisible();
  expect(await readQr(shortQr)).toBe(short.href);
  await shortDialog.screenshot({ path: testInfo.outputPath('share-route-dialog.png') });
  await shortDialog.getByRole('button', { name: 'Close' }).click();

  // Day mode: the dispatched route, in the day's order.
  await page.getByRole('button', { name: 'Dispatch' }).click();
  const article = page.getByRole('article', { name: first.name });
  // The Day view draws its routes after the click returns: read them once every stop of the route is there.
  await expect(article.locator('.day-stop')).toHaveCount(planned.length);
  const dayKeys = await article.locator('.day-stop').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-stop-key')!));
  await article.getByRole('button', { name: 'Share route' }).click();
  const dayDialog = page.getByRole('dialog', { name: `Share the route of ${first.name}` });
  const day = await decodedHref(dayDialog.getByRole('link', { name: 'Driver link' }));
  expect(day.route.stops.map((s) => (s.side ? `${s.order}/${s.side}` : s.order))).toEqual(dayKeys);
  expect(stopKeys(day.route)).toEqual(planned);
});

test('the printed manifest carries the QR code of each route that fits one', async ({ page }) => {
  await page.goto('/');
  await optimize(page, 2);
  const rows = await routeRows(page);
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /Print manifest/ }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  const pages = page.locator('.manifest__page');
  await expect(pages).toHaveCount(rows.length);
  // Every page has a code or says why not; the shortest route's always fits, and reads back as its driver link.
  await expect(page.locator('.manifest__page img.manifest__qr, .manifest__page .manifest__qr-note')).toHaveCount(rows.length);
  const shortest = [...rows].sort((a, b) => a.stops - b.stops)[0];
  const sheet = page.getByRole('region', { name: `Manifest of ${shortest.name}` });
  const qr = sheet.getByRole('img', { name: `QR code of the driver link for ${shortest.name}` });
  await expect(qr).toBeVisible();
  const read = await decodeRoute(driverPayload((await readQr(qr)) ?? '') ?? '');
  if (!read.ok) throw new Error(read.message);
  const printed = await sheet.locator('tbody tr[data-order-id]').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-order-id')}:${tr.getAttribute('data-step-type')}`));
  expect(stopKeys(read.route)).toEqual(printed);
  await page.emulateMedia({ media: 'screen' });
});

/** Deterministic pseudo-random words: notes that compression cannot shrink away. */
function notes(i: number): string {
  let x = 2_654_435_761 * (i + 1) >>> 0;
  const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) / 2 ** 32; };
  return Array.from({ length: 14 }, () => Array.from({ length: 4 + Math.floor(next() * 5) }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('')).join(' ');
}

test('a route too long for a QR code says so and downloads as a route file', async ({ page }) => {
  const scenario = makeLargeScenario(150, 3);
  scenario.orders.forEach((o, i) => { o.notes = `Gate ${notes(i)}`; o.customerName = `Client ${i} Ærø-Ñ`; });
  await page.goto('/');
  await openScenario(page, scenario);
  await expect(page.locator('table.routes-table')).toHaveAttribute('data-route-count', '3');
  const [first] = await routeRows(page);
  expect(first.stops).toBe(50);
  const planned = await unfold(page, first.id);
  const dialog = await share(page, first.name);
  await expect(dialog.getByText(/Too long for a QR code/)).toBeVisible();
  await expect(dialog.getByRole('img')).toHaveCount(0);
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download route file' }).click()]);
  expect(file.suggestedFilename()).toBe(`${first.name.replace(/[^A-Za-z0-9._-]+/g, '-')}-route.fmp-route.json`);
  const read = readRouteFile(readFileSync((await file.path())!, 'utf8'));
  if (!read.ok) throw new Error(read.message);
  expect(stopKeys(read.route)).toEqual(planned);
  const byId = new Map(scenario.orders.map((o) => [o.id, o]));
  expect(read.route.stops.map((s) => [s.notes, s.customerName])).toEqual(read.route.stops.map((s) => [byId.get(s.order)!.notes, byId.get(s.order)!.customerName]));
});
