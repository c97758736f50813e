// Changing the plan by hand in Chromium: drag a stop to another route with a live
// feasibility/cost preview, then Undo and Redo; a reload keeps the edited plan; an
// infeasible drop needs an explicit yes and then shows its violations; the
// keyboard "Move to" works; a pinned stop stays on its vehicle when re-optimizing.
import { type Locator, type Page } from '@playwright/test';
import { expect, mapRegion, test, viewsCaughtUp } from './support';
import { DEMO, makeShipmentScenario, makeTightScenario, openScenario, solveDemo } from './plan-fixtures';


const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
const row = (page: Page, vehicleId: string) => timeline(page).locator(`.tl-row[data-vehicle-id="${vehicleId}"]`);
// Every bar of the order on that row (a shipment has two: its pickup and its delivery), and the first one.
const stopBars = (page: Page, vehicleId: string, orderId: string) => row(page, vehicleId).locator(`.tl-stop[data-order-id="${orderId}"]`);
const stopBar = (page: Page, vehicleId: string, orderId: string) => stopBars(page, vehicleId, orderId).first();
const dragPreview = (page: Page) => page.locator('.drag-badge').getByText(/cost/);

/** Starts an HTML5 drag on `source` and holds it over `target` at `xFraction` of its width. */
async function dragOver(page: Page, source: Locator, target: Locator, xFraction: number): Promise<void> {
  await source.hover();
  await page.mouse.down();
  const box = (await target.boundingBox())!;
  const x = box.x + box.width * xFraction;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 5, y, { steps: 4 });
  await page.mouse.move(x, y, { steps: 2 });
}

/** Stops per vehicle as the map draws them ("v1:12 v2:9"). */
const mapStops = (page: Page) => mapRegion(page).getAttribute('data-route-stops');

test('drag a stop to another route with a live preview, then Undo, Redo and reload', async ({ page }, testInfo) => {
  await solveDemo(page);
  const [fromRow, toRow] = await timeline(page).locator('.tl-row:has(.tl-stop)').all();
  const from = (await fromRow.getAttribute('data-vehicle-id'))!;
  const to = (await toRow.getAttribute('data-vehicle-id'))!;
  const moving = fromRow.locator('.tl-stop').first();
  const orderId = (await moving.getAttribute('data-order-id'))!;
  const countOf = (vehicleId: string) => page.locator(`.routes-table tr[data-vehicle-id="${vehicleId}"] td.num`).first();
  const fromCount = Number(await countOf(from).innerText());
  const toCount = Number(await countOf(to).innerText());
  // The "Stops" column counts stops: 1 for a job, 2 for a shipment (its pickup and its delivery move together).
  const movingStops = await stopBars(page, from, orderId).count();
  const mapBefore = await mapStops(page);

  await dragOver(page, moving, toRow.locator('.tl-track'), 0.5);
  // While dragging: feasibility and cost change of the drop under the pointer.
  await expect(dragPreview(page)).toBeVisible();
  await expect(page.locator('.drag-badge')).toContainText(/Feasible|Not feasible|No new problems/);
  await page.screenshot({ path: testInfo.outputPath('drag-preview.png') });
  await page.mouse.up();
  // A drop that breaks a rule asks first.
  const anyway = page.getByRole('dialog').getByRole('button', { name: 'Apply anyway' });
  await expect(stopBar(page, to, orderId).or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();

  await expect(stopBar(page, to, orderId)).toBeVisible();
  await expect(stopBars(page, from, orderId)).toHaveCount(0);
  await expect(stopBars(page, to, orderId)).toHaveCount(movingStops);
  await expect(countOf(to)).toHaveText(String(toCount + movingStops));
  await expect(countOf(from)).toHaveText(String(fromCount - movingStops));
  await expect.poll(() => mapStops(page)).not.toBe(mapBefore);
  const mapAfter = await mapStops(page);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(stopBar(page, from, orderId)).toBeVisible();
  await expect(countOf(to)).toHaveText(String(toCount));
  await expect.poll(() => mapStops(page)).toBe(mapBefore);

  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(stopBar(page, to, orderId)).toBeVisible();
  await expect.poll(() => mapStops(page)).toBe(mapAfter);

  // The keyboard shortcuts do the same.
  await page.locator('body').press('Control+z');
  await expect(stopBar(page, from, orderId)).toBeVisible();
  await page.locator('body').press('Control+Shift+Z');
  await expect(stopBar(page, to, orderId)).toBeVisible();

  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.reload();
  await expect(stopBar(page, to, orderId)).toBeVisible();
  await expect.poll(() => mapStops(page)).toBe(mapAfter);
  await page.screenshot({ path: testInfo.outputPath('edited-plan.png') });
});

test('an open route keeps its stop rows through a move: the moved stop leaves, the others renumber in place', async ({ page }) => {
  await solveDemo(page);
  const [fromRow, toRow] = await timeline(page).locator('.tl-row:has(.tl-stop)').all();
  const from = (await fromRow.getAttribute('data-vehicle-id'))!;
  const to = (await toRow.getAttribute('data-vehicle-id'))!;
  await page.locator(`.routes-table tr[data-vehicle-id="${from}"] .route-name`).click();
  const rows = page.locator('.route-stops .route-stop[data-order-id]');
  await expect(rows.first()).toBeVisible();
  const moving = (await rows.first().getAttribute('data-order-id'))!;
  const movingStops = await rows.and(page.locator(`[data-order-id="${moving}"]`)).count();
  const stays = rows.last();
  const staysId = (await stays.getAttribute('data-order-id'))!;
  expect(staysId).not.toBe(moving);
  const seqBefore = Number(await stays.locator('.route-stop__seq').innerText());
  // The row's element is marked: a row made again for the new plan would not carry the mark.
  await stays.evaluate((el) => el.setAttribute('data-test-mark', 'kept'));

  await dragOver(page, stopBar(page, from, moving), toRow.locator('.tl-track'), 0.5);
  await page.mouse.up();
  const anyway = page.getByRole('dialog').getByRole('button', { name: 'Apply anyway' });
  await expect(stopBar(page, to, moving).or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(stopBars(page, from, moving)).toHaveCount(0);

  // Still the same route open, without the moved stop; the stop that stayed is the same element, renumbered.
  await expect(page.locator(`.routes-table tr[data-vehicle-id="${from}"] .route-name`)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator(`.route-stops .route-stop[data-order-id="${moving}"]`)).toHaveCount(0);
  const kept = page.locator(`.route-stops .route-stop[data-order-id="${staysId}"]`);
  await expect(kept.locator('.route-stop__seq')).toHaveText(String(seqBefore - movingStops));
  await expect(kept).toHaveAttribute('data-test-mark', 'kept');
  // Its service time follows the new plan: the one its bar on the timeline gives.
  const time = await kept.locator('.route-stop__time').innerText();
  await expect(stopBar(page, from, staysId)).toHaveAttribute('aria-label', new RegExp(`service ${time}–`));
});

test('an infeasible drop needs explicit confirmation and then shows its violations', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await openScenario(page, makeTightScenario());
  await expect(stopBar(page, 'van-a', 'tight')).toBeVisible();
  await expect(page.getByText('failed the independent check')).toHaveCount(0);

  // To the end of Van B's day: its 08:00–08:30 window cannot be met.
  await dragOver(page, stopBar(page, 'van-a', 'tight'), row(page, 'van-b').locator('.tl-track'), 0.97);
  await expect(page.locator('.drag-badge')).toContainText('Not feasible');
  await expect(row(page, 'van-b')).toHaveClass(/is-drop-bad/);
  await page.mouse.up();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText("order 'tight'");
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(stopBar(page, 'van-a', 'tight')).toBeVisible();

  await dragOver(page, stopBar(page, 'van-a', 'tight'), row(page, 'van-b').locator('.tl-track'), 0.97);
  await page.mouse.up();
  await confirm.getByRole('button', { name: 'Apply anyway' }).click();
  await expect(stopBar(page, 'van-b', 'tight')).toHaveClass(/is-late/);
  await expect(page.getByText('failed the independent check')).toBeVisible();
  await expect(mapRegion(page)).toHaveAttribute('data-untrusted-route-count', '2');
  await page.screenshot({ path: testInfo.outputPath('infeasible-edit.png') });

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('failed the independent check')).toHaveCount(0);
  await expect(stopBar(page, 'van-a', 'tight')).toBeVisible();
});

test('the Selected stop card numbers stops as the timeline does: a shipment is two', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await openScenario(page, makeShipmentScenario());
  await expect(stopBars(page, 'van-a', 'tight')).toHaveCount(2);
  await expect(stopBar(page, 'van-a', 'a2')).toHaveAccessibleName(/^Stop 3: /);
  await stopBar(page, 'van-a', 'a2').focus();
  await page.keyboard.press('Enter');
  const card = page.getByRole('region', { name: 'Selected stop' });
  await expect(card).toContainText('Stop 3 on Van A');
  await stopBar(page, 'van-a', 'tight').focus();
  await page.keyboard.press('Enter');
  await expect(card).toContainText('Stops 1 and 2 on Van A · pickup');
});

test('the Move preview lists the rules a move would break, not only the first', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  // Van B full and at its stop limit: "tight" at its end is late, over both capacities and one stop too many.
  await openScenario(page, makeTightScenario((s) => {
    const van = s.vehicles.find((v) => v.id === 'van-b')!;
    van.capacity = [2, 2];
    van.limits = { ...(van.limits ?? {}), maxStops: 2 };
  }));
  await stopBar(page, 'van-a', 'tight').focus();
  await page.keyboard.press('Enter');
  const card = page.getByRole('region', { name: 'Selected stop' });
  await card.getByLabel('Move to').selectOption('van-b');
  // Positions name the stop the order would go before, numbered as the map numbers stops.
  await expect(card.getByLabel('Position').locator('option')).toHaveText(['Best', /^1 · before stop 1, /, /^2 · before stop 2, /, '3 · last']);
  await card.getByLabel('Position').selectOption('2');
  const preview = card.getByRole('status', { name: 'Move preview' });
  await expect(preview).toContainText('Not feasible — breaks 4 rules');
  await expect(preview.locator('.move-preview__problem')).toHaveText([
    /^order 'tight' cannot be served inside its window/, /carries 3 kg/, /carries 3 items/, 'and 1 more rule',
  ]);
});

test('Move to… moves the selected stop without a mouse drag', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await openScenario(page, makeTightScenario());
  await stopBar(page, 'van-a', 'a2').focus();
  await page.keyboard.press('Enter');
  const card = page.getByRole('region', { name: 'Selected stop' });
  await expect(card).toContainText('Stop 2 on Van A');
  await card.getByLabel('Move to').selectOption('van-b');
  await expect(card.getByRole('status', { name: 'Move preview' })).toContainText('cost');
  await card.getByRole('button', { name: 'Move' }).click();
  await expect(stopBar(page, 'van-b', 'a2')).toBeVisible();
  await expect(card).toContainText('on Van B');
});

test('pinned stops stay on their vehicle when the plan is optimized again', async ({ page }, testInfo) => {
  await solveDemo(page);
  const rows = await timeline(page).locator('.tl-row:has(.tl-stop)').all();
  const to = (await rows[0].getAttribute('data-vehicle-id'))!;
  const card = page.getByRole('region', { name: 'Selected stop' });
  // Hand-move the first stop of three other routes onto the first route and pin each there;
  // a solve from scratch would put them back, so only honoured pins keep all three.
  const pinned: string[] = [];
  for (const from of rows.slice(1, 4)) {
    const bar = from.locator('.tl-stop').first();
    pinned.push((await bar.getAttribute('data-order-id'))!);
    await bar.click();
    await card.getByLabel('Move to').selectOption(to);
    await card.getByRole('button', { name: /^Move/ }).click();
    // A move that breaks a rule asks first (the move lands, or the question shows, a frame after the click).
    const anyway = page.getByRole('dialog').getByRole('button', { name: 'Apply anyway' });
    await expect(stopBar(page, to, pinned[pinned.length - 1]).or(anyway)).toBeVisible();
    if (await anyway.isVisible()) await anyway.click();
    await expect(stopBar(page, to, pinned[pinned.length - 1])).toBeVisible();
    await card.getByRole('button', { name: /^Pin stop/ }).click();
    await expect(card.getByRole('button', { name: /^Pin stop/ })).toHaveAttribute('aria-pressed', 'true');
  }
  for (const orderId of pinned) await expect(stopBar(page, to, orderId).locator('.tl-stop__pin')).toBeVisible();

  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByText('Finished.')).toBeVisible({ timeout: 60_000 });
  await viewsCaughtUp(page);
  await page.screenshot({ path: testInfo.outputPath('pinned-reoptimized.png') });
  for (const orderId of pinned) await expect(stopBar(page, to, orderId), 'a pinned stop stays on its vehicle').toBeVisible();
});

test('a pinned route keeps its stops and their order when the plan is optimized again', async ({ page }, testInfo) => {
  await solveDemo(page);
  const rows = await timeline(page).locator('.tl-row:has(.tl-stop)').all();
  const to = (await rows[0].getAttribute('data-vehicle-id'))!;
  const card = page.getByRole('region', { name: 'Selected stop' });
  // A feasible hand edit a solve from scratch would undo: another route's stop joins this route, or,
  // when none fits, one of its own stops moves to another position (an infeasible edit could not be
  // kept as pinned: the solver would have to drop that stop).
  let moved = '';
  const tryMove = async (bar: Locator, position?: string): Promise<boolean> => {
    const orderId = (await bar.getAttribute('data-order-id'))!;
    await bar.click();
    await card.getByLabel('Move to').selectOption(to);
    if (position) await card.getByLabel('Position').selectOption(position);
    const move = card.getByRole('button', { name: /^Move/ });
    const preview = card.getByRole('status', { name: 'Move preview' });
    // The preview comes a frame after the card (MoveControls): read it once two frames have passed, not before.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))));
    if (!(await preview.textContent())?.includes('cost')) return false;
    if (!(await move.isEnabled()) || (await move.textContent())?.trim() !== 'Move') return false;
    await move.click();
    moved = orderId;
    return true;
  };
  search: for (const from of rows.slice(1)) {
    for (const bar of await from.locator('.tl-stop').all()) if (await tryMove(bar)) break search;
  }
  if (!moved) {
    const own = await rows[0].locator('.tl-stop').all();
    // Positions are among the route's orders (a shipment's two bars are one order).
    const slots = new Set(await Promise.all(own.map((bar) => bar.getAttribute('data-order-id')))).size;
    search2: for (let i = own.length - 1; i >= 0; i--) {
      for (let position = 0; position < slots; position++) {
        if (position === i) continue;
        if (await tryMove(own[i], String(position))) break search2;
      }
    }
  }
  expect(moved, 'some feasible hand edit of this route exists').not.toBe('');
  await expect(stopBar(page, to, moved)).toBeVisible();
  const row = timeline(page).locator(`.tl-row[data-vehicle-id="${to}"]`);
  const sequence = async () => row.locator('.tl-stop').evaluateAll((els) => els.map((el) => el.getAttribute('data-order-id')));
  const before = await sequence();
  expect(before).toContain(moved);
  await row.getByRole('button', { name: /^Pin route/ }).click();
  await expect(row.getByRole('button', { name: /^Pin route/ })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByText('Finished.')).toBeVisible({ timeout: 60_000 });
  await viewsCaughtUp(page);
  await page.screenshot({ path: testInfo.outputPath('pinned-route-reoptimized.png') });
  expect(await sequence()).toEqual(before);
});
