// Why is this order unassigned? An order heavier than any van stays out of the
// plan, and the Unassigned panel says which rule blocks it and the smallest fix;
// every other blocking rule reads as a plain sentence too.
import type { Page } from '@playwright/test';
import type { Order, Scenario } from '../../web/src/domain/scenario';
import { expect, test, viewsCaughtUp } from './support';
import { makeTightScenario, openScenario } from './plan-fixtures';

/** A copy of the tight scenario's order `a2` with a new id, a customer name and `more`. */
const orderLike = (scenario: Scenario, id: string, more: Partial<Order>): Order =>
  ({ ...structuredClone(scenario.orders[1]), id, customerName: `Customer ${id}`, ...more });

async function optimize(page: Page): Promise<void> {
  await page.getByLabel('Time limit (s)').fill('1');
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.getByText('Finished.')).toBeVisible({ timeout: 30_000 });
  await viewsCaughtUp(page);
}

test('an order no vehicle can carry is listed with the blocking rule and the smallest fix', async ({ page }, testInfo) => {
  const scenario = makeTightScenario();
  const heavy = orderLike(scenario, 'heavy', { customerName: 'Piano Owner', amounts: [150_000, 1] });
  await page.goto('/');
  await openScenario(page, { ...scenario, id: 'e2e-heavy', name: 'Too heavy', orders: [...scenario.orders, heavy], plan: null });

  await optimize(page);

  const panel = page.getByRole('region', { name: 'Unassigned' });
  const item = panel.locator('li[data-order-id="heavy"]');
  await expect(item).toContainText('Piano Owner');
  await expect(item).toContainText('Capacity: no vehicle has room for it');
  await expect(item).toContainText(/needs 50000 kg more capacity/);
  await expect(item.getByRole('list', { name: 'Smallest fixes' }).getByRole('listitem')).toHaveCount(2);
  await expect(panel.locator('li[data-order-id]')).toHaveCount(1);
  await panel.screenshot({ path: testInfo.outputPath('unassigned-heavy.png') });
});

test('each blocking rule is named in plain words with a fix per vehicle', async ({ page }, testInfo) => {
  const base = makeTightScenario();
  // Crews make skills and crew size count; only Van A can do white glove.
  const vehicles = base.vehicles.map((v, i) => ({ ...v, crew: { size: 2, skills: i === 0 ? ['white-glove'] : [] } }));
  const blocked: [Order, RegExp, RegExp][] = [
    [orderLike(base, 'heavy', { amounts: [150_000, 1] }), /^Capacity: /, /needs \d+ kg more capacity/],
    [orderLike(base, 'install', { serviceType: 'installation' }), /^Skill: /, /skill installer \(.*none in the fleet\)/],
    [orderLike(base, 'crew4', { crewSize: 4 }), /^Crew size: /, /needs a crew of 4/],
    [orderLike(base, 'dawn', { timeWindows: [{ start: 300, end: 360 }] }), /^Time window: /, /widen the window by \d+ min/],
    [orderLike(base, 'long', { serviceMinutes: 800 }), /^Shift: /, /allow \d+ min overtime on Van [AB]/i],
    [orderLike(base, 'glove', { serviceType: 'white-glove', amounts: [150_000, 1] }), /^Blocked by capacity \(Van A\); skill or crew \(Van B\)$/, /Van A needs \d+ kg more capacity/],
  ];
  await page.goto('/');
  await openScenario(page, { ...base, id: 'e2e-blocked', name: 'Blocked orders', vehicles, orders: [...base.orders, ...blocked.map(([o]) => o)], plan: null });

  await optimize(page);

  const panel = page.getByRole('region', { name: 'Unassigned' });
  await expect(panel.locator('li[data-order-id]')).toHaveCount(blocked.length);
  for (const [order, rule, fix] of blocked) {
    const item = panel.locator(`li[data-order-id="${order.id}"]`);
    await expect(item.locator('.unassigned__rule'), order.id).toHaveText(rule);
    const fixes = item.getByRole('list', { name: 'Smallest fixes' }).getByRole('listitem');
    await expect(fixes, order.id).toHaveCount(2);
    await expect(fixes.first(), order.id).toHaveText(fix);
  }
  await panel.evaluate((el) => { el.querySelector('ul')!.style.maxHeight = 'none'; });
  await panel.screenshot({ path: testInfo.outputPath('unassigned-every-rule.png') });
  await panel.locator('li[data-order-id="glove"]').screenshot({ path: testInfo.outputPath('unassigned-mixed-rules.png') });
});

test('a stop served late under its allowance says why and what would fix it', async ({ page }, testInfo) => {
  const base = makeTightScenario();
  // Due 07:20–07:30, but the vans start at 08:00: served about half an hour late, within its hour of allowance.
  const early = orderLike(base, 'early', { customerName: 'Early Bird', timeWindows: [{ start: 440, end: 450 }], lateness: { maxMinutes: 60, costPerMinute: 1 } });
  await page.goto('/');
  await openScenario(page, { ...base, id: 'e2e-late', name: 'Late but allowed', orders: [...base.orders, early], plan: null });

  await optimize(page);

  await expect(page.getByRole('region', { name: 'Unassigned' }).locator('li[data-order-id]')).toHaveCount(0);
  await page.getByRole('region', { name: 'Timeline' }).locator('.tl-stop[data-order-id="early"]').click();
  const card = page.getByRole('region', { name: 'Selected stop' });
  const why = card.getByRole('note', { name: 'Why it is late' });
  await expect(why).toContainText(/Late \d+ min \(within its allowance\)/);
  await expect(why).toContainText('Time window: no route can reach it inside its window');
  await expect(why.getByRole('listitem').first()).toHaveText(/widen the window by \d+ min/);
  await card.screenshot({ path: testInfo.outputPath('late-stop.png') });
});
