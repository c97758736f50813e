// Customer messages on the demo day in Chromium (issue #13): Optimize → Dispatch →
// a 60-minute delay on a van puts one of its stops at risk → its "Message" opens
// the delay notice, whose SMS link carries the new ETA window (computed here from
// the predicted time the page shows for that stop) → using it logs it on the stop
// → "Find order" with the stop's order id answers with its status and ETA window.
import { dayRiskSettled, delayUntilAtRisk, expectedWindow } from './day-support';
import { expect, optimize, test } from './support';

test('an at-risk stop gets a delay notice by SMS with its new ETA window, logged; Find order answers for it', async ({ page }) => {
  await page.goto('/');
  await optimize(page, 2);
  await page.getByRole('button', { name: 'Dispatch' }).click();
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // The simulated clock stands where the day was dispatched (the plan's first departure); messages are logged at it.
  const clockAt = await page.getByLabel('Time', { exact: true }).inputValue();
  expect(clockAt).toMatch(/^0[5-9]:\d\d$/);

  const stop = await delayUntilAtRisk(page);
  const orderId = (await stop.getAttribute('data-order-id'))!;
  const shown = (await stop.locator('.day-stop__time').textContent())!;
  expect(shown).toMatch(/^≈\d\d:\d\d$/);
  const eta = expectedWindow(shown);

  await stop.getByRole('button', { name: 'Message' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Template')).toHaveValue('delay');
  const sms = dialog.getByRole('link', { name: 'Send SMS' });
  const href = (await sms.getAttribute('href'))!;
  expect(href.startsWith('sms:')).toBe(true);
  const body = decodeURIComponent(href.slice(href.indexOf('?body=') + '?body='.length));
  expect(body).toContain(eta);
  expect(body).toContain(orderId);
  await expect(dialog.getByLabel('Text')).toHaveValue(body);

  // No SMS app on the test machine: the link's default action is cancelled, its click handler still runs.
  await page.evaluate(() => window.addEventListener('click', (e) => { if ((e.target as Element).closest('a[href^="sms:"]')) e.preventDefault(); }, true));
  await sms.click();
  const logLine = `SMS · Delay notice · ${clockAt}`;
  await expect(dialog.locator('.message-log li')).toHaveText([logLine]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(stop.locator('.message-log li')).toHaveText([logLine]);

  await page.screenshot({ path: test.info().outputPath('day-stop-logged.png') });
  const status = (await stop.locator('.day-stop__status').textContent())!;
  await page.getByLabel('Find order').fill(orderId);
  const answer = page.getByRole('region', { name: 'Orders found' }).getByRole('article', { name: `Order ${orderId}`, exact: true });
  await expect(answer.locator('.composer__status-word')).toHaveText(status);
  await expect(answer.locator('.composer__status')).toContainText(`expected ${eta}`);
  await expect(answer.getByLabel('Template')).toHaveValue('delay');
  // The answer lies above the map and its notices ("Map tiles unavailable…" sat on its first line): along its
  // title, what the page shows is the answer.
  const title = (await answer.locator('.order-answer__title').boundingBox())!;
  const onTop = await page.evaluate(({ x, y, width }) => [0.05, 0.25, 0.5, 0.75, 0.95].every((f) => !!document.elementFromPoint(x + width * f, y)?.closest('.find-order__results')), { x: title.x, y: title.y + title.height / 2, width: title.width });
  expect(onTop, 'the Find order answer is drawn above everything along its title').toBe(true);
  const reply = (await answer.getByRole('link', { name: 'Send SMS' }).getAttribute('href'))!;
  expect(decodeURIComponent(reply.slice(reply.indexOf('?body=') + 6))).toContain(eta);

  await page.getByLabel('Find order').press('Escape');
  await expect(page.getByRole('region', { name: 'Orders found' })).toBeHidden();

  // Bulk: one delay notice per order at risk, each a ready link; using one logs it on its stop.
  await dayRiskSettled(page);
  const atRiskOrders = await page.getByRole('region', { name: 'At risk' }).locator('li[data-order-id]')
    .evaluateAll((items) => [...new Set(items.map((li) => li.getAttribute('data-order-id')))]);
  await page.getByRole('button', { name: 'Notify at-risk customers' }).click();
  const notices = page.getByRole('dialog', { name: 'Notify at-risk customers' }).getByRole('list', { name: 'Delay notices' });
  await expect(notices.locator(':scope > li')).toHaveCount(atRiskOrders.length);
  const notice = notices.locator(`li[data-order-id="${orderId}"]`);
  const bulk = notice.getByRole('link', { name: /^Send SMS to / });
  expect(decodeURIComponent((await bulk.getAttribute('href'))!.split('?body=')[1])).toContain(eta);
  await bulk.click();
  await expect(notice.locator('.message-log li')).toHaveText([logLine, logLine]);
  await page.screenshot({ path: test.info().outputPath('notify-at-risk.png') });

  // The log is part of the saved scenario: after a reload the stop still shows what was sent.
  await page.getByRole('dialog', { name: 'Notify at-risk customers' }).getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.reload();
  await expect(page.locator(`.day-stop[data-order-id="${orderId}"] .message-log li`).first()).toHaveText(logLine);
  await expect(page.locator(`.day-stop[data-order-id="${orderId}"]`).first().locator('.message-log li')).toHaveCount(2);
});

test('templates edited in Settings fill the plan\'s messages, with the ETA window from the plan', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await optimize(page, 1);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Company name').fill('Acme <b>Lyon</b>');
  await settings.getByLabel('On the way: text').fill('Hi {customer}, {order} comes {eta_window}. {company} {custmer}');
  await expect(settings.getByText('Unknown placeholder {custmer}: sent as typed.')).toBeVisible();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  // Messages are not the problem: the plan stays current.
  await expect(page.getByText('Plan out of date')).toHaveCount(0);

  await page.getByRole('complementary', { name: 'Plan' }).getByRole('button', { name: 'Van 1', exact: true }).click();
  const first = page.locator('.route-stops > .route-stop[data-step-type="job"]').first();
  const orderId = (await first.getAttribute('data-order-id'))!;
  const eta = expectedWindow((await first.locator('.route-stop__time').textContent())!);
  await first.getByRole('button', { name: 'Message' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Template')).toHaveValue('day-before');
  await expect(dialog.locator('.composer__status-word')).toHaveText('planned');
  await page.screenshot({ path: test.info().outputPath('plan-message.png') });
  await dialog.getByLabel('Template').selectOption('on-the-way');
  const text = await dialog.getByLabel('Text').inputValue();
  expect(text).toMatch(new RegExp(`^Hi .+, ${orderId} comes ${eta}\\. Acme <b>Lyon</b> \\{custmer\\}$`));
  await expect(dialog.getByText('Unknown placeholder left as typed: {custmer}', { exact: false })).toBeVisible();
  // The text is the dispatcher's to edit; the links follow it.
  await dialog.getByLabel('Text').fill('Line 1 & more?\nLine 2 🚚');
  const mail = (await dialog.getByRole('link', { name: 'Send email' }).getAttribute('href'))!;
  expect(mail.startsWith('mailto:')).toBe(true);
  expect(new URLSearchParams(mail.slice(mail.indexOf('?') + 1)).get('body')).toBe('Line 1 & more?\r\nLine 2 🚚');

  // Copy puts the edited text on the clipboard and logs it (Plan mode: the laptop's time).
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Line 1 & more?\nLine 2 🚚');
  await expect(dialog.locator('.message-log li')).toHaveText([/^Copied · On the way · \d\d:\d\d$/]);
});
