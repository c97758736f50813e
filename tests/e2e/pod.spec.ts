// Proof of delivery on the dispatcher's side (issue #13) in Chromium: optimize and
// dispatch the demo → import a driver's status file built here in node (a done
// stop with recipient, note, a PNG signature, a photo not sent yet and a position
// 240 m from the address; a failed stop) through the events file input → the stop
// shows Done and its POD (signature image, recipient, note, the distance flag) →
// the same file again adds nothing → the failed stop created its re-delivery →
// a pasted bad status names its JSON path → the POD report of the route and of
// the order print → after a reload, and after a backup restored in a new browser
// profile, the POD and its signature are still there.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import type { Scenario } from '../../web/src/domain/scenario';
import { expect, optimize, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as Scenario;
const EARTH_RADIUS_M = 6371008.8;

const eventLog = (page: Page) => page.getByRole('region', { name: 'Event log' });
const stopItem = (page: Page, key: string) => page.locator(`.day-stop[data-stop-key="${key}"]`);
const unassignedCount = async (page: Page) => Number(await page.locator('[aria-label="Plan summary"] .stat').filter({ hasText: 'Unassigned' }).locator('.stat__value').textContent());

/** CRC-32 of PNG chunks (the zlib polynomial). */
function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A `width` × `height` greyscale PNG: white with a dark diagonal stroke, like a signature. */
function signaturePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width + 1)] = 0; // filter: none
    const x = Math.round((y / height) * width);
    for (let dx = 0; dx < 3 && x + dx < width; dx += 1) rows[y * (width + 1) + 1 + x + dx] = 20;
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** An order event's fields for a stop key (`id` or `id/pickup`). */
function stopRef(key: string): { order: string; stop?: string } {
  const [order, side] = key.split('/');
  return side ? { order, stop: side } : { order };
}

/** The place of a stop key and a position `metres` north of it. */
function positionNorthOf(key: string, metres: number): { lat: number; lng: number } {
  const { order: id, stop } = stopRef(key);
  const order = DEMO.orders.find((o) => o.id === id)!;
  const place = stop === 'pickup' && order.pickup ? order.pickup : order;
  return { lat: place.lat + (metres / EARTH_RADIUS_M) * (180 / Math.PI), lng: place.lng };
}

/** The driver's status file: the done stop with its POD and signature, the failed stop. */
function statusFile(doneKey: string, failedKey: string): string {
  return JSON.stringify({
    type: 'fmp-events', version: 1,
    events: [
      { id: 'drv:van-1:1', type: 'done', ...stopRef(doneKey), at: '10:05', pod: {
        recipient: 'Zoé <b>Martin</b>', note: 'Left with the neighbour', signature: 'drv:van-1:sig-1', photos: ['drv:van-1:photo-1'], ...positionNorthOf(doneKey, 240), accuracyM: 12,
      } },
      { id: 'drv:van-2:1', type: 'failed', ...stopRef(failedKey), at: '10:20', reason: 'not-home', pod: { note: 'Nobody answered' } },
    ],
    media: [{ id: 'drv:van-1:sig-1', type: 'image/png', data: signaturePng(120, 48).toString('base64') }],
  });
}

test('a driver status with its POD joins the day once, shows, prints, survives a reload and a backup', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
  await optimize(page, 2);
  await page.getByRole('button', { name: 'Dispatch' }).click();
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');

  const van1 = page.getByRole('article', { name: 'Van 1' });
  const van2 = page.getByRole('article', { name: 'Van 2' });
  const doneKey = (await van1.locator('.day-stop').first().getAttribute('data-stop-key'))!;
  const failedKey = (await van2.locator('.day-stop').first().getAttribute('data-stop-key'))!;
  const doneName = (await stopItem(page, doneKey).locator('.day-stop__name').textContent())!;
  const failedName = (await stopItem(page, failedKey).locator('.day-stop__name').textContent())!;
  const unassignedBefore = await unassignedCount(page);
  const file = { name: 'van-1-status-1020.json', mimeType: 'application/json', buffer: Buffer.from(statusFile(doneKey, failedKey)) };

  await eventLog(page).getByLabel('Import events').setInputFiles(file);
  await expect(page.getByText('Imported 2 events and 1 photo or signature.')).toBeVisible();
  await expect(eventLog(page).locator('.event-log__list > li')).toHaveCount(2);
  await expect(stopItem(page, doneKey)).toHaveAttribute('data-status', 'done');
  await expect(stopItem(page, failedKey)).toHaveAttribute('data-status', 'failed');

  await stopItem(page, doneKey).getByRole('button', { name: `POD of ${doneName}` }).click();
  // The stop's own POD: another stop of the day may have the same customer (the demo has several).
  const pod = stopItem(page, doneKey).getByRole('region', { name: `Proof of delivery of ${doneName}`, exact: true });
  await expect(pod).toContainText('Done at 10:05');
  // User text is text: the recipient's markup shows as typed.
  await expect(pod.getByText('Zoé <b>Martin</b>', { exact: true })).toBeVisible();
  await expect(pod.getByText('Left with the neighbour', { exact: true })).toBeVisible();
  await expect(pod.getByText('⚠ recorded 240 m from the address')).toBeVisible();
  await expect(pod.getByText('(phone accuracy ±12 m)')).toBeVisible();
  const signature = pod.getByRole('img', { name: `Signature of ${doneName}` });
  await expect(signature).toBeVisible();
  await expect(signature).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => signature.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  await expect(pod.getByText(`Photo 1 of ${doneName}: not received yet`)).toBeVisible();
  await pod.screenshot({ path: test.info().outputPath('pod-view.png') });
  // The event log opens the same POD from the done event.
  const doneLine = eventLog(page).locator('.event-log__item[data-event-type="done"]');
  await doneLine.getByRole('button', { name: `POD of ${doneName}`, exact: true }).click();
  await expect(doneLine.getByRole('region', { name: `Proof of delivery of ${doneName}`, exact: true }).getByRole('img', { name: `Signature of ${doneName}`, exact: true })).toBeVisible();

  // The same file again: nothing new, the log unchanged.
  await eventLog(page).getByLabel('Import events').setInputFiles(file);
  await expect(page.getByText('Nothing new: all 2 events are already in the log.')).toBeVisible();
  await expect(eventLog(page).locator('.event-log__list > li')).toHaveCount(2);

  // The failed stop created its re-delivery order, named on its POD and waiting unassigned.
  const redelivery = `${stopRef(failedKey).order}-R1`;
  await stopItem(page, failedKey).getByRole('button', { name: `POD of ${failedName}` }).click();
  const failedPod = stopItem(page, failedKey).getByRole('region', { name: `Proof of delivery of ${failedName}`, exact: true });
  await expect(failedPod).toContainText('Failed (not home) at 10:20');
  await expect(failedPod.getByText(redelivery, { exact: true })).toBeVisible();
  await expect(failedPod.getByText('no position recorded')).toBeVisible();
  await expect.poll(() => unassignedCount(page)).toBe(unassignedBefore + 1);

  // Pasted status: a bad one names its JSON path and adds nothing.
  await page.getByRole('button', { name: 'Paste status' }).click();
  const pasteBox = page.getByLabel(/^Status \(JSON/);
  await pasteBox.fill(JSON.stringify({ type: 'fmp-events', version: 1, events: [{ type: 'done', order: 'NOPE-1', at: '11:00' }] }));
  await page.getByRole('button', { name: 'Import status' }).click();
  await expect(page.getByText("The events file was not imported: events[0].order: unknown order 'NOPE-1'. Nothing was added.")).toBeVisible();
  await expect(eventLog(page).locator('.event-log__list > li')).toHaveCount(2);
  await page.locator('.side-panel').screenshot({ path: test.info().outputPath('day-panel-pod.png') });

  // "Scan status QR" is offered exactly when the browser lists a camera.
  const camera = await page.evaluate(async () => (await navigator.mediaDevices?.enumerateDevices?.() ?? []).some((d) => d.kind === 'videoinput'));
  await expect(page.getByRole('button', { name: 'Scan status QR' })).toHaveCount(camera ? 1 : 0);

  // The POD report of Van 1 prints with the signature; the print dialog is stubbed.
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
  await page.getByLabel('POD report of').selectOption({ label: 'Van 1' });
  await page.getByRole('button', { name: 'Print POD report' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  const report = page.getByRole('region', { name: 'POD report of Van 1' });
  await expect(report).toBeVisible();
  await expect(report.locator(`tr[data-stop-key="${doneKey}"]`)).toContainText('Zoé <b>Martin</b>');
  await expect(report.getByRole('img', { name: `Signature of ${doneName}` })).toBeVisible();
  await expect(report.locator(`tr[data-stop-key="${doneKey}"] [data-far="yes"]`)).toHaveText('⚠ recorded 240 m from the address');
  await page.screenshot({ path: test.info().outputPath('pod-report-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  // The dialog closed: the route's report leaves; the POD of one order prints on its own.
  await page.evaluate(() => { delete document.body.dataset.printed; window.dispatchEvent(new Event('afterprint')); });
  await expect(page.locator('.pod-report')).toHaveCount(0);
  await pod.getByRole('button', { name: `Print POD of ${doneName}` }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  const orderReport = page.getByRole('region', { name: `POD report of order ${stopRef(doneKey).order}` });
  await expect(orderReport.locator('tbody tr')).toHaveCount(doneKey.includes('/') ? 2 : 1);
  await expect(orderReport.locator(`tr[data-stop-key="${doneKey}"]`)).toContainText('Left with the neighbour');
  await page.emulateMedia({ media: 'screen' });

  // Reload: the log and the POD media are kept (the media in their own store).
  await page.reload();
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(eventLog(page).locator('.event-log__list > li')).toHaveCount(2);
  await stopItem(page, doneKey).getByRole('button', { name: `POD of ${doneName}` }).click();
  const reloaded = stopItem(page, doneKey).getByRole('region', { name: `Proof of delivery of ${doneName}`, exact: true });
  await expect(reloaded.getByRole('img', { name: `Signature of ${doneName}` })).toBeVisible();

  // Back up everything, restore in a new browser profile: the POD comes back with its signature.
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: 'Back up everything' }).click()]);
  const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { media: { id: string; type: string }[] };
  expect(backup.media.map((m) => [m.id, m.type])).toEqual([['drv:van-1:sig-1', 'image/png']]);
  const context = await browser.newContext({ baseURL });
  await context.route('**/*', (route) => (['localhost', '127.0.0.1'].includes(new URL(route.request().url()).hostname) ? route.continue() : route.abort('blockedbyclient')));
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
  await other.getByRole('button', { name: 'Scenarios' }).click();
  const dialog = other.getByRole('dialog', { name: 'Scenarios' });
  await dialog.getByLabel('Backup file').setInputFiles((await download.path())!);
  const preview = dialog.getByRole('group', { name: 'Restore preview' });
  await expect(preview).toContainText('1 photo or signature of proofs of delivery come with them');
  await preview.getByLabel(/Replace the 1 scenario\(s\) here that differ/).check();
  await preview.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog.getByText(/^Restored from /)).toBeVisible();
  await other.keyboard.press('Escape');
  await other.getByRole('button', { name: 'Day', exact: true }).click();
  await stopItem(other, doneKey).getByRole('button', { name: `POD of ${doneName}` }).click();
  const restored = stopItem(other, doneKey).getByRole('region', { name: `Proof of delivery of ${doneName}`, exact: true });
  await expect(restored.getByRole('img', { name: `Signature of ${doneName}` })).toBeVisible();
  await expect(restored.getByText('Zoé <b>Martin</b>', { exact: true })).toBeVisible();
  await context.close();
});
