// "Scan status QR" (issue #13) in Chromium with a fake camera whose video is a
// driver's status QR code (a Y4M file made here with the qrcode encoder): the
// dispatcher presses Scan, the code is read from the frames, its event joins the
// day's log and the camera closes. (Its own file: the camera flags need their own browser.)
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { expect, optimize, test } from './support';

/** A status QR as a camera sees it: a Y4M video (one grey frame, Chromium loops it) of the QR code of `text`. */
function qrVideo(text: string, file: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const scale = 4;
  const side = Math.ceil(((modules.size + 8) * scale) / 16) * 16;
  const luma = Buffer.alloc(side * side, 235);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const row = Math.floor(y / scale) - 4;
      const col = Math.floor(x / scale) - 4;
      if (row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col)) luma[y * side + x] = 16;
    }
  }
  const chroma = Buffer.alloc((side / 2) * (side / 2) * 2, 128);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${side} H${side} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]));
  return file;
}

const QR_STATUS = JSON.stringify({ type: 'fmp-events', version: 1, events: [{ id: 'drv:van-1:delay-1', type: 'delay', vehicle: 'van-1', at: '09:10', minutes: 15 }] });

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${qrVideo(QR_STATUS, join(tmpdir(), `fmp-pod-qr-${process.pid}.y4m`))}`,
    ],
  },
});

test('"Scan status QR" reads a status QR from the camera into the day', async ({ page }) => {
  await page.goto('/');
  await optimize(page, 2);
  await page.getByRole('button', { name: 'Dispatch' }).click();
  await page.getByRole('button', { name: 'Scan status QR' }).click();
  await expect(page.getByText('Imported 1 event.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Event log' }).locator('.event-log__list > li')).toHaveText([/van-1 delayed 15 min/]);
  // The camera is closed once the code is read.
  await expect(page.getByRole('group', { name: 'Scan status QR' })).toHaveCount(0);
});

test('the scanner, loaded only when a scan is first opened, works with the network off after one visit', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  // `ready` resolves once the service worker's install step has precached the app, the scanner's chunk included.
  await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the page is served by the service worker').toBe(true);
  await optimize(page, 2);
  await page.getByRole('button', { name: 'Dispatch' }).click();
  await page.getByRole('button', { name: 'Scan status QR' }).click();
  await expect(page.getByText('Imported 1 event.')).toBeVisible({ timeout: 20_000 });
  await context.setOffline(false);
});
