// The driver view on a phone (issue #13), at 390×844: a driver link built in node opens
// the route; the first stop is Arrived, then Done with a photo, a drawn signature, a
// recipient and a note; that survives a reload, and with the network off (after the
// service worker is ready) a reload — even of the bare app URL — shows the route and the
// done stop; "Send status" downloads a status file the dispatcher's parser reads.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseEventsFile } from '../../web/src/domain/day/events-file';
import { encodeRoute, routeFileText } from '../../web/src/io/handoff';
import { demoDriverRoute, demoScenario } from '../fixtures/driver-route';
import { sign } from './day-support';
import { expect, test } from './support';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const route = demoDriverRoute(4);
const stopCard = (page: Page, n: number) => page.getByRole('article', { name: new RegExp(`^${n}\\. `) });

/** A 2400×1600 PNG drawn in the page: a camera-sized picture for the photo input. */
async function bigPicture(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(2400, 1600);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#3a7';
    ctx.fillRect(0, 0, 2400, 1600);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let binary = '';
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

/** Pixel size of an image media item, as the browser decodes it. */
const imageSize = (page: Page, type: string, data: string) => page.evaluate(async (src) => {
  const image = new Image();
  image.src = src;
  await image.decode();
  return { width: image.naturalWidth, height: image.naturalHeight };
}, `data:${type};base64,${data}`);

test('a driver link works on a phone, offline and after reloads; Send status gives a status file with the POD', async ({ page, context }, testInfo) => {
  await page.goto(`/#driver=${await encodeRoute(route)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Van 1');
  await expect(page.getByRole('region', { name: 'Route map' })).toHaveAttribute('data-stop-count', '4');
  await expect(page.getByText('Break: Lunch at 09:00, 30 min')).toBeVisible();
  const first = stopCard(page, 1);
  await expect(first.getByRole('link', { name: route.stops[0].phone })).toHaveAttribute('href', /^tel:\+33/);
  await expect(first.getByRole('link', { name: 'Navigate', exact: true })).toHaveAttribute('href', /^geo:45\.76424,4\.82527\?q=/);

  await first.getByRole('button', { name: 'Arrived' }).click();
  await expect(first).toHaveAttribute('data-status', 'arrived');
  await first.getByRole('button', { name: 'Done' }).click();
  await first.getByLabel('Photo').setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: await bigPicture(page) });
  await expect(first.getByRole('img', { name: 'Photo 1' })).toBeVisible();
  await sign(page, first.getByLabel('Signature'));
  await expect(first.getByText('Signed', { exact: true })).toBeVisible();
  await first.getByLabel('Recipient').fill('Hugo Benali');
  await first.getByLabel('Note').fill('Left at the door, code 1234');
  await page.screenshot({ path: testInfo.outputPath('driver-pod-form.png'), fullPage: true });
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first).toHaveAttribute('data-status', 'done');
  await expect(page.getByText('1 of 4 stops finished')).toBeVisible();
  await expect(first.getByText('Recipient Hugo Benali · signature · 1 photo · “Left at the door, code 1234”')).toBeVisible();

  await page.reload();
  await expect(stopCard(page, 1)).toHaveAttribute('data-status', 'done');
  await page.evaluate(async () => navigator.serviceWorker.ready);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Van 1');
  await expect(stopCard(page, 1)).toHaveAttribute('data-status', 'done');
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller), 'served by the service worker').toBe(true);
  // The installed app opened again: no fragment, still offline.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Van 1');
  await expect(stopCard(page, 1)).toHaveAttribute('data-status', 'done');
  await expect(stopCard(page, 2)).toHaveAttribute('data-status', 'planned');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Send status' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^van-1-status-\d{4}\.json$/);
  const parsed = parseEventsFile(readFileSync((await download.path())!, 'utf8'), demoScenario());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  expect(parsed.events.map((e) => e.type)).toEqual(['arrived', 'done']);
  const done = parsed.events[1];
  if (done.type !== 'done') throw new Error('second event is not done');
  expect(done).toMatchObject({ order: route.stops[0].order, pod: { recipient: 'Hugo Benali', note: 'Left at the door, code 1234' } });
  const signature = parsed.media.find((m) => m.id === done.pod?.signature);
  expect(signature?.type).toBe('image/png');
  expect(Buffer.from(signature!.data, 'base64').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(done.pod?.photos).toHaveLength(1);
  const photo = parsed.media.find((m) => m.id === done.pod!.photos![0])!;
  expect(photo.type).toBe('image/jpeg');
  expect(await imageSize(page, photo.type, photo.data)).toEqual({ width: 1280, height: 853 });
  expect(parsed.media).toHaveLength(2);
  await expect(page.getByRole('img', { name: /QR code of the status events/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('driver-sent.png'), fullPage: true });
  await context.setOffline(false);
});

test('a failed stop is corrected by a later Done, both reach the status file; the phone can go back to the planner', async ({ page }) => {
  await page.goto(`/#driver=${await encodeRoute(route)}`);
  const second = stopCard(page, 2);
  await second.getByRole('button', { name: 'Failed' }).click();
  await second.getByLabel('Reason').selectOption({ label: 'No access' });
  await second.getByLabel('Note').fill('Gate closed');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second).toHaveAttribute('data-status', 'failed');
  await expect(second.getByText('Failed: no access · “Gate closed”')).toBeVisible();
  await second.getByRole('button', { name: 'Done' }).click();
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second).toHaveAttribute('data-status', 'done');
  await expect(second.getByText('(corrected)')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Send status' }).click()]);
  const parsed = parseEventsFile(readFileSync((await download.path())!, 'utf8'), demoScenario());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  expect(parsed.events.map((e) => [e.type, 'order' in e ? e.order : '', 'reason' in e ? e.reason : ''])).toEqual([
    ['failed', route.stops[1].order, 'no-access'], ['done', route.stops[1].order, ''],
  ]);
  expect(parsed.events[0]).toMatchObject({ pod: { note: 'Gate closed' } });
  expect(parsed.media).toEqual([]);

  // A second route arrives as a route file; both stay on the phone, each with its own work.
  const other = { ...demoDriverRoute(2), routeId: 'demo-lyon:van-2:r1', vehicle: { id: 'van-2', name: 'Van 2' } };
  await page.getByLabel('Open route file').setInputFiles({ name: 'van-2.fmp-route.json', mimeType: 'application/json', buffer: Buffer.from(routeFileText(other)) });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Van 2');
  await expect(stopCard(page, 2)).toHaveAttribute('data-status', 'planned');
  await page.getByLabel('Routes on this phone').selectOption(route.routeId);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Van 1');
  await expect(stopCard(page, 2)).toHaveAttribute('data-status', 'done');

  await page.getByRole('button', { name: 'Open the planner' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoScenario().name);
});

test("a dispatcher's browser that tried a driver link opens on the planner again; a link pasted into the planner tab opens the driver view", async ({ page }) => {
  const demoName = demoScenario().name;
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoName);
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.evaluate((hash) => { location.hash = hash; }, `driver=${await encodeRoute(route)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Van 1');
  await expect(stopCard(page, 1)).toHaveAttribute('data-status', 'planned');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoName);
});
