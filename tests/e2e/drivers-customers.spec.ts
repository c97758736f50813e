// Drivers and customers without a server (issue #13's acceptance), in Chromium:
// the dispatcher solves and dispatches the demo → opens Van 1's driver link
// (from "Share route") in a phone-sized page → the first stop Done with a drawn
// signature, recipient and note, the second Failed (not home) → "Send status" →
// the dispatcher imports that very file → the stop shows Done with its POD and
// the failed one its re-delivery order; the same file again changes nothing →
// a van's delay puts a stop at risk: its "Message" is an sms: link whose text
// holds the new ETA window → "Find order" answers for a stop. The phone's clock
// is fixed on the scenario's date so its events fall within the dispatched day.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Scenario } from '../../web/src/domain/scenario';
import { delayUntilAtRisk, expectedWindow, sign } from './day-support';
import { expect, optimize, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as Scenario;

const eventLog = (page: Page) => page.getByRole('region', { name: 'Event log' });
const dayStop = (page: Page, key: string) => page.locator(`.day-stop[data-stop-key="${key}"]`);
const phoneStop = (phone: Page, n: number) => phone.getByRole('article', { name: new RegExp(`^${n}\\. `) });
const unassignedCount = async (page: Page) => Number(await page.locator('[aria-label="Plan summary"] .stat').filter({ hasText: 'Unassigned' }).locator('.stat__value').textContent());
const at = (hhmm: string) => new Date(`${DEMO.settings.date}T${hhmm}:00`);

test('a driver link goes to a phone, the status comes back with its POD once, a failure is re-delivered, customers are told', async ({ page, browser, baseURL }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
  await optimize(page, 2);
  await page.getByRole('button', { name: 'Dispatch' }).click();
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Van 1's route: its stops in driving order, its driver link.
  const van1 = page.getByRole('article', { name: 'Van 1' });
  await expect(van1.locator('.day-stop').nth(1)).toBeVisible();
  const keys = await van1.locator('.day-stop').evaluateAll((items) => items.map((li) => li.getAttribute('data-stop-key')!));
  expect(keys.length).toBeGreaterThanOrEqual(2);
  const [doneKey, failedKey] = keys;
  await van1.getByRole('button', { name: 'Share route' }).click();
  const share = page.getByRole('dialog', { name: 'Share the route of Van 1' });
  const href = (await share.getByRole('link', { name: 'Driver link' }).getAttribute('href'))!;
  expect(href.startsWith(`${baseURL}/#driver=`)).toBe(true);
  await share.getByRole('button', { name: 'Close' }).click();

  // The driver's phone: its own browser profile, phone-sized, its clock on the day.
  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true });
  const phone = await phoneContext.newPage();
  await phone.clock.setFixedTime(at('10:05'));
  await phone.goto(href);
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Van 1');
  const first = phoneStop(phone, 1);
  await first.getByRole('button', { name: 'Arrived' }).click();
  await first.getByRole('button', { name: 'Done' }).click();
  await sign(phone, first.getByLabel('Signature'));
  await first.getByLabel('Recipient').fill('Camille <i>Roux</i>');
  await first.getByLabel('Note').fill('Handed over at the door');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first).toHaveAttribute('data-status', 'done');
  await phone.clock.setFixedTime(at('10:20'));
  const second = phoneStop(phone, 2);
  await second.getByRole('button', { name: 'Failed' }).click();
  await second.getByLabel('Reason').selectOption({ label: 'Not home' });
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second).toHaveAttribute('data-status', 'failed');
  const [status] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('button', { name: 'Send status' }).click()]);
  // Kept as bytes: closing the phone's context deletes its downloads.
  const statusFile = { name: status.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync((await status.path())!) };
  await phone.screenshot({ path: testInfo.outputPath('phone-sent.png'), fullPage: true });
  await phoneContext.close();

  // Back at the dispatcher: the status file joins the day with its POD.
  const unassignedBefore = await unassignedCount(page);
  const logCount = await eventLog(page).locator('.event-log__list > li').count();
  await eventLog(page).getByLabel('Import events').setInputFiles(statusFile);
  await expect(page.getByText('Imported 3 events and 1 photo or signature.')).toBeVisible();
  await expect(eventLog(page).locator('.event-log__list > li')).toHaveCount(logCount + 3);
  await expect(dayStop(page, doneKey)).toHaveAttribute('data-status', 'done');
  await expect(dayStop(page, failedKey)).toHaveAttribute('data-status', 'failed');
  const doneName = (await dayStop(page, doneKey).locator('.day-stop__name').textContent())!;
  await dayStop(page, doneKey).getByRole('button', { name: `POD of ${doneName}` }).click();
  // The stop's own POD: another stop of the day may have the same customer (the demo has several).
  const pod = dayStop(page, doneKey).getByRole('region', { name: `Proof of delivery of ${doneName}`, exact: true });
  await expect(pod).toContainText('Done at 10:05');
  await expect(pod.getByText('Camille <i>Roux</i>', { exact: true })).toBeVisible();
  await expect(pod.getByText('Handed over at the door', { exact: true })).toBeVisible();
  const signature = pod.getByRole('img', { name: `Signature of ${doneName}` });
  await expect(signature).toBeVisible();
  await expect.poll(() => signature.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('dispatcher-pod.png'), fullPage: true });

  // The same status again changes nothing.
  await eventLog(page).getByLabel('Import events').setInputFiles(statusFile);
  await expect(page.getByText('Nothing new: all 3 events are already in the log.')).toBeVisible();
  await expect(eventLog(page).locator('.event-log__list > li')).toHaveCount(logCount + 3);

  // The failed attempt created its re-delivery order, waiting unassigned for today's repair or another day.
  const failedOrder = failedKey.split('/')[0];
  const failedName = (await dayStop(page, failedKey).locator('.day-stop__name').textContent())!;
  await dayStop(page, failedKey).getByRole('button', { name: `POD of ${failedName}` }).click();
  const failedPod = dayStop(page, failedKey).getByRole('region', { name: `Proof of delivery of ${failedName}`, exact: true });
  await expect(failedPod).toContainText('Failed (not home) at 10:20');
  await expect(failedPod.getByText(`${failedOrder}-R1`, { exact: true })).toBeVisible();
  await expect.poll(() => unassignedCount(page)).toBe(unassignedBefore + 1);

  // A delay puts a stop at risk: its message is an SMS whose text holds the new ETA window.
  const risky = await delayUntilAtRisk(page);
  const orderId = (await risky.getAttribute('data-order-id'))!;
  const eta = expectedWindow((await risky.locator('.day-stop__time').textContent())!);
  await risky.getByRole('button', { name: 'Message' }).click();
  const composer = page.getByRole('dialog');
  const sms = (await composer.getByRole('link', { name: 'Send SMS' }).getAttribute('href'))!;
  expect(sms.startsWith('sms:')).toBe(true);
  expect(decodeURIComponent(sms.slice(sms.indexOf('?body=') + '?body='.length))).toContain(eta);
  await composer.getByRole('button', { name: 'Close' }).click();

  // Where is my order? The customer is told the status of their own stop: a job's, or a shipment's
  // delivery (its pickup is not theirs). The solve decides whether Van 1 starts with a pickup, so
  // the order asked about is the first of the two reported stops that is a customer's stop.
  const customerStop = ([[doneKey, 'done'], [failedKey, 'failed']] as const).find(([key]) => !key.includes('/') || key.endsWith('/delivery'));
  const [askedKey, word] = customerStop ?? [doneKey, 'planned'];
  const askedOrder = askedKey.split('/')[0];
  await page.getByLabel('Find order').fill(askedOrder);
  const answer = page.getByRole('region', { name: 'Orders found' }).getByRole('article', { name: `Order ${askedOrder}`, exact: true });
  await expect(answer.locator('.composer__status-word')).toHaveText(word);
});
