// Run the day on the demo in Chromium (issue #11's acceptance): Optimize →
// Dispatch → the first stops done, a 60-minute delay on one van, a failed
// attempt (buttons), an urgent new order (imported events file) → the stops at
// risk show with their reasons → Repair shows a diff → Accept → the repaired day
// passes the independent checker (checked here, in node, from the downloaded
// scenario file) with the done stops unchanged → reload: the day, its log and
// its state are as they were. One action is done with the keyboard alone.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { DayRecord } from '../../web/src/domain/day/day-schema';
import { deriveDayState } from '../../web/src/domain/day/day-state';
import type { RepairAppliedEvent } from '../../web/src/domain/day/events';
import type { Scenario } from '../../web/src/domain/scenario';
import type { Solution } from '../../web/src/domain/solution';
import type { RepairProposal } from '../../web/src/plan/repair';
import { checkRepair } from '../../web/src/plan/repair-plan';
import { dayRiskSettled, nowLabelClear } from './day-support';
import { expect, mapRegion, optimize, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as Scenario;

const atRisk = (page: Page) => page.getByRole('region', { name: 'At risk' });
const eventLog = (page: Page) => page.getByRole('region', { name: 'Event log' });

/** An urgent order near the first demo order, due within the hour after 10:30. */
const URGENT = { ...DEMO.orders[0], id: 'URG-1', customerName: 'Urgent <b>Zoé</b>', priority: 5, timeWindows: [{ start: 630, end: 690 }], lateness: undefined };
const EVENTS_FILE = JSON.stringify({ type: 'fmp-events', version: 1, events: [{ type: 'new-order', at: '10:30', order: URGENT }] });

async function setTime(page: Page, hhmm: string): Promise<void> {
  const time = page.getByLabel('Time', { exact: true });
  await time.fill(hhmm);
  await time.press('Enter');
  await expect(time).toHaveValue(hhmm);
}

async function exportedScenario(page: Page): Promise<Scenario & { day: DayRecord }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Scenario file' }).click()]);
  return (JSON.parse(readFileSync((await file.path())!, 'utf8')) as { scenario: Scenario & { day: DayRecord } }).scenario;
}

/** Status and actual times of every stop of the state, for before/after comparisons. */
async function stopStates(page: Page): Promise<string[]> {
  return page.locator('.day-stop').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-stop-key')}:${li.getAttribute('data-status')}`).sort());
}

test('a dispatcher runs the demo day: events, at risk, repair, accept, reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
  await optimize(page, 2);
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Dispatch' }).click();
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await setTime(page, '10:00');
  // The timeline's "now 10:00" label: no hour label under it (they overlapped), the others still shown.
  const nowAxis = await nowLabelClear(page);
  console.log(`[day] timeline axis at 10:00: ${JSON.stringify(nowAxis)}`);
  expect(nowAxis.now).toBe('now 10:00');
  expect(nowAxis.overlapping).toEqual([]);
  expect(nowAxis.hidden).toContain('10:00');
  expect(nowAxis.shown.length).toBeGreaterThan(3);
  expect(nowAxis.inside).toBe(true);
  // The routes of the day in list order (a time-limited solve may leave any one van without stops).
  const routes = page.locator('article.day-route');
  await expect(routes.nth(2)).toBeVisible();
  const van1 = routes.nth(0);
  // Stops are named by their key: a shipment has a pickup and a delivery stop of one order.
  const stop = (key: string) => page.locator(`.day-stop[data-stop-key="${key}"]`);
  const firstTwo = await van1.locator('.day-stop').evaluateAll((items) => items.slice(0, 2).map((li) => li.getAttribute('data-stop-key')!));
  await van1.getByRole('button', { name: 'Done' }).first().click();
  await van1.getByRole('button', { name: 'Done' }).first().click();
  for (const key of firstTwo) await expect(stop(key)).toHaveAttribute('data-status', 'done');
  await expect(van1.locator('.day-route__progress')).toHaveText(/^2\/\d+$/);

  const van2 = routes.nth(1);
  const van2Name = (await van2.locator('.day-route__name').textContent())!;
  await van2.getByLabel(`Delay minutes of ${van2Name}`).fill('60');
  await van2.getByRole('button', { name: 'Delay' }).click();

  const van3 = routes.nth(2);
  const failedKey = (await van3.locator('.day-stop').first().getAttribute('data-stop-key'))!;
  await van3.getByLabel(/^Reason of /).first().selectOption('not-home');
  await van3.getByRole('button', { name: 'Failed' }).first().click();
  await expect(stop(failedKey)).toHaveAttribute('data-status', 'failed');

  await eventLog(page).getByLabel('Import events').setInputFiles({ name: 'events.json', mimeType: 'application/json', buffer: Buffer.from(EVENTS_FILE) });
  await expect(page.getByText('Imported 1 event.')).toBeVisible();
  await expect(eventLog(page).locator('li')).toHaveCount(5);
  // User text is text: the urgent order's name is shown as typed, never parsed.
  await expect(eventLog(page).getByText('new order URG-1 (Urgent <b>Zoé</b>)')).toBeVisible();

  // At risk: the delayed van's stops (and the urgent order waits unassigned) with their reasons.
  await expect(atRisk(page).locator('li').first()).toBeVisible();
  await dayRiskSettled(page);
  const riskCount = await atRisk(page).locator('li').count();
  expect(riskCount).toBeGreaterThan(0);
  await expect(atRisk(page).locator('.at-risk__reason').first()).toHaveText(/window|shift|unavailable/);
  await expect(page.locator('[aria-label="Plan summary"]')).toContainText(`${riskCount} at risk`);
  await expect(mapRegion(page)).toHaveAttribute('data-at-risk-count', /^[1-9]/);
  // The timeline marks the at-risk stops' bars, and says so to a screen reader.
  const riskyBars = page.getByRole('region', { name: 'Timeline' }).locator('.tl-stop.is-at-risk');
  await expect(riskyBars.first()).toBeVisible();
  expect((await riskyBars.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).every((label) => label!.endsWith(', at risk'))).toBe(true);
  const doneBefore = (await stopStates(page)).filter((s) => s.endsWith(':done') || s.endsWith(':failed'));

  await page.getByLabel('Level').selectOption('free');
  await page.getByRole('button', { name: 'Repair' }).click();
  const proposal = page.getByRole('group', { name: 'Repair proposal' });
  await expect(proposal).toBeVisible({ timeout: 30_000 });
  await expect(proposal).toContainText(/At risk \d+ → \d+; cost/);
  // Stops moved name the customer with the order id, and the vehicles by name ("Van 1"), never by id ("van-1").
  const vehicleName = `(${DEMO.vehicles.map((v) => v.name).join('|')}|unassigned)`;
  const moved = Number((await proposal.innerText()).match(/(\d+) moved/)![1]);
  const lines = moved === 0 ? [] : await proposal.getByRole('list', { name: 'Stops moved' }).locator('li').allInnerTexts();
  expect(lines).toHaveLength(moved);
  for (const line of lines) expect(line).toMatch(new RegExp(`^.+ · [^ ]+: ${vehicleName} → ${vehicleName}$`));
  console.log(`[day] repair proposal: ${moved} moved; first line: ${lines[0] ?? 'none'}`);
  // A proposal that serves fewer orders says so, with how many at least.
  const [, unassignedBefore, unassignedAfter] = (await proposal.innerText()).match(/unassigned (\d+) → (\d+)/)!.map(Number);
  if (unassignedAfter > unassignedBefore) {
    const note = await proposal.getByRole('note').innerText();
    expect(Number(note.match(/leaves (\d+) more orders? unassigned/)![1])).toBeGreaterThanOrEqual(unassignedAfter - unassignedBefore);
  }
  console.log(`[day] unassigned ${unassignedBefore} → ${unassignedAfter}; note: ${await proposal.getByRole('note').count() ? await proposal.getByRole('note').innerText() : 'none'}`);
  await proposal.getByRole('button', { name: 'Accept' }).click();
  await expect(proposal).toBeHidden();
  await expect(page.getByText(/^Repair applied \(at risk \d+ → \d+, \d+ moved\); the checker finds no broken rule in the rest of the day\.$/)).toBeVisible();
  await expect(eventLog(page).locator('li').last()).toContainText('repair applied');
  await page.screenshot({ path: test.info().outputPath('day-after-repair.png'), fullPage: true });
  const doneAfter = (await stopStates(page)).filter((s) => s.endsWith(':done') || s.endsWith(':failed'));
  expect(doneAfter).toEqual(doneBefore);

  // Checked here, outside the app: the accepted repair walked as a day passes the independent checker, done stops unmoved.
  const saved = await exportedScenario(page);
  const repair = saved.day.events.at(-1) as RepairAppliedEvent;
  expect(repair.type).toBe('repair-applied');
  const before: DayRecord = { ...saved.day, events: saved.day.events.slice(0, -1) };
  const accepted = { level: 'free', atS: Math.round(repair.at * 60), routes: repair.routes } as RepairProposal;
  const check = checkRepair(saved, before, accepted);
  expect(check.violations).toEqual([]);
  const plan = saved.day.dispatchedPlan.solution as unknown as Pick<Solution, 'routes' | 'unassigned'>;
  const stateBefore = deriveDayState(saved, plan, before.events);
  const stateAfter = deriveDayState(saved, plan, saved.day.events);
  for (const key of [...firstTwo, failedKey]) {
    expect(stateAfter.stops[key]).toEqual(stateBefore.stops[key]);
    expect(stateAfter.stops[key].status).toMatch(/done|failed/);
  }
  expect(stateAfter.issues).toEqual([]);

  // Reload: Day mode, the same log and the same state.
  const logBefore = await eventLog(page).locator('li').allTextContents();
  const statesBefore = await stopStates(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(eventLog(page).locator('li')).toHaveCount(logBefore.length);
  expect(await eventLog(page).locator('li').allTextContents()).toEqual(logBefore);
  expect(await stopStates(page)).toEqual(statesBefore);

  // Keyboard only: from the next open stop's name, Tab reaches its Done button and Enter presses it.
  const nextOpen = van1.locator('.day-stop[data-status="en-route"], .day-stop[data-status="planned"]').first();
  const nextKey = (await nextOpen.getAttribute('data-stop-key'))!;
  await nextOpen.locator('.day-stop__name').focus();
  await page.keyboard.press('Tab');
  await expect(nextOpen.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(stop(nextKey)).toHaveAttribute('data-status', 'done');
  await expect(eventLog(page).locator('li')).toHaveCount(logBefore.length + 1);

  // Play: the clock runs and the simulated day's events are logged as their time comes; Pause stops it.
  const time = page.getByLabel('Time', { exact: true });
  const startedAt = await time.inputValue();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(time).not.toHaveValue(startedAt);
  await expect.poll(() => eventLog(page).locator('li').count(), { timeout: 20_000 }).toBeGreaterThan(logBefore.length + 1);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('a stop done out of the planned order moves up to where it was driven; the stops skipped stay ahead', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
  await optimize(page, 2);
  await page.getByRole('button', { name: 'Dispatch' }).click();
  await setTime(page, '11:00');
  const van = page.locator('article.day-route').first();
  const keys = () => van.locator('.day-stop').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-stop-key')}:${li.getAttribute('data-status')}`));
  const planned = (await keys()).map((k) => k.split(':')[0]);
  expect(planned.length).toBeGreaterThan(3);
  // The driver served a stop two or more ahead first: the third, or the first after it that is no delivery whose
  // pickup is among the stops before it (done, its pickup would be done too: the solve decides where shipments go).
  const pickedBefore = (j: number) => planned[j].endsWith('/delivery') && planned.slice(0, j).includes(planned[j].replace(/\/delivery$/, '/pickup'));
  const ahead = planned.findIndex((_, j) => j >= 2 && !pickedBefore(j));
  expect(ahead, `a stop to serve out of order in ${planned.join(', ')}`).toBeGreaterThanOrEqual(2);
  await van.locator(`.day-stop[data-stop-key="${planned[ahead]}"]`).getByRole('button', { name: 'Done' }).click();
  await expect.poll(keys).toEqual([
    `${planned[ahead]}:done`, `${planned[0]}:en-route`, ...planned.slice(1, ahead).map((k) => `${k}:planned`), ...planned.slice(ahead + 1).map((k) => `${k}:planned`),
  ]);
  // The skipped stops are predicted after it (their starts not before 11:00, the time it was left).
  const times = await van.locator('.day-stop__time').allTextContents();
  for (const t of times.slice(1, 3)) expect(/^≈\d\d:\d\d$/.test(t) && t.slice(1) >= '11:00', t).toBe(true);
});

test('a van breaks down with a shipment collected: Repair leaves it unassigned, and the day lists it with why', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.name);
  await optimize(page, 2);
  await page.getByRole('button', { name: 'Dispatch' }).click();
  const routes = page.locator('article.day-route');
  await expect(routes.first()).toBeVisible();
  const all = await routes.evaluateAll((arts) => arts.map((a) => ({
    vehicle: (a.getAttribute('aria-labelledby') ?? '').replace(/^day-route-/, ''),
    keys: [...a.querySelectorAll('.day-stop')].map((li) => li.getAttribute('data-stop-key')!),
  })));
  const carrier = all.find((r) => r.keys.some((k) => k.endsWith('/pickup')));
  expect(carrier, 'a route of the plan collects a shipment').toBeDefined();
  const upTo = carrier!.keys.findIndex((k) => k.endsWith('/pickup'));
  const shipment = carrier!.keys[upTo].split('/')[0];
  const at = (i: number) => `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`;
  const events = carrier!.keys.slice(0, upTo + 1).map((k, i) => ({ type: 'done', order: k.split('/')[0], ...(k.includes('/') ? { stop: k.split('/')[1] } : {}), at: at(i) }));
  events.push({ type: 'unavailable', vehicle: carrier!.vehicle, at: at(upTo + 1), lat: DEMO.depots[0].lat, lng: DEMO.depots[0].lng, reason: 'breakdown' } as never);
  await eventLog(page).getByLabel('Import events').setInputFiles({ name: 'events.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ type: 'fmp-events', version: 1, events })) });
  await expect(page.getByText(`Imported ${events.length} events.`)).toBeVisible();
  await setTime(page, at(upTo + 2));
  const repair = page.getByRole('region', { name: 'Repair' });
  await repair.getByRole('button', { name: 'Repair' }).click();
  await repair.getByRole('button', { name: 'Accept' }).click();
  const unassigned = page.getByRole('region', { name: 'Unassigned today' });
  const item = unassigned.locator(`li[data-order-id="${shipment}"]`);
  await expect(item).toContainText(`${shipment}`);
  await expect(item).toContainText('which is unavailable: its goods are on board, no other vehicle can deliver it');
  // Its delivery is on no route of the day; its pickup stays done on the van that broke down.
  await expect(page.locator(`.day-stop[data-stop-key="${shipment}/delivery"]`)).toHaveCount(0);
  await expect(page.locator(`.day-stop[data-stop-key="${shipment}/pickup"]`)).toHaveAttribute('data-status', 'done');
});
