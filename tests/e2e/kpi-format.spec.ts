// Large figures read whole: a generated plan of 5,000 orders on 150 vans with a
// six-digit cost shows every KPI tile in full (tiles grow and wrap, nothing is cut
// off), with thousands separators, h:mm hours and plural nouns.
import { DEMO, makeLargeScenario, openScenario, solveDemo } from './plan-fixtures';
import { expect, mapRegion, test, viewsCaughtUp } from './support';

test('the KPI bar shows a 5,000-order, 150-vehicle, six-digit-cost plan without truncating', async ({ page }, testInfo) => {
  // A fixed cost of 1,000 per van puts the plan's cost above 150,000.
  const large = makeLargeScenario(5000, 150, 1000);
  const solution = large.plan!.solution;
  expect(solution.check.ok, solution.check.violations[0]?.message).toBe(true);
  expect(solution.summary.cost).toBeGreaterThan(100_000);
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await openScenario(page, large);
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', '5000', { timeout: 60_000 });

  await expect(page.locator('.header-scenario')).toContainText('5,000 orders · 150 vehicles · 1 depot');
  const kpis = page.getByLabel('Plan summary');
  const value = (label: string) => kpis.locator('.stat', { hasText: label }).locator('.stat__value');
  const cost = Math.round(solution.summary.cost).toLocaleString('en-US');
  await expect(value('Cost')).toHaveText(cost);
  await expect(value('Km')).toHaveText((solution.summary.distanceM / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const minutes = Math.round(solution.summary.durationS / 60);
  await expect(value('Hours')).toHaveText(`${Math.floor(minutes / 60).toLocaleString('en-US')}:${String(minutes % 60).padStart(2, '0')}`);
  // 34 stops per van (5,000 / 150 rounded up) fill 148 vans; the last two stay home.
  const used = solution.routes.filter((r) => r.steps.some((s) => s.type === 'job')).length;
  expect(used).toBe(148);
  await expect(value('Vehicles')).toHaveText('148 / 150');
  await expect(value('Unassigned')).toHaveText('0');

  // No figure is wider than its tile, and no tile sticks out of the bar.
  const clipped = await kpis.evaluate((bar) => {
    const out: string[] = [];
    const box = bar.getBoundingClientRect();
    for (const el of bar.querySelectorAll<HTMLElement>('.stat')) {
      const r = el.getBoundingClientRect();
      const v = el.querySelector<HTMLElement>('.stat__value')!;
      if (v.scrollWidth > v.clientWidth + 0.5 || r.right > box.right + 0.5 || r.left < box.left - 0.5) out.push(el.textContent ?? '');
    }
    return out;
  });
  expect(clipped).toEqual([]);
  await kpis.screenshot({ path: testInfo.outputPath('kpi-bar-5000.png') });
  await page.screenshot({ path: testInfo.outputPath('plan-5000.png') });
});

test('after a solve the run panel\'s cost is the KPI bar\'s, with the unassigned orders and their penalty apart', async ({ page }, testInfo) => {
  // The demo has orders no crew can serve: they stay unassigned in every plan.
  await solveDemo(page, 3);
  const kpis = page.getByLabel('Plan summary');
  const cost = await kpis.locator('.stat', { hasText: 'Cost' }).locator('.stat__value').innerText();
  const unassigned = await kpis.locator('.stat', { hasText: 'Unassigned' }).locator('.stat__value').innerText();
  expect(Number(unassigned)).toBeGreaterThan(0);
  const figure = page.getByLabel('Best cost over time').locator('.cost-chart__figure');
  await expect(figure).toHaveText(new RegExp(`^Cost ${cost.replace(/[.,]/g, '\\$&')} · ${unassigned} unassigned \\(penalty [\\d,]+\\) after [\\d.,]+ s$`));
  await page.screenshot({ path: testInfo.outputPath('run-panel.png') });
});

test('a fleet that drives for free: the KPI bar says no costs are set, the run panel follows the plan\'s km', async ({ page }, testInfo) => {
  // The demo with every price taken off, as a fleet imported without cost columns.
  const free = structuredClone(DEMO);
  free.id = 'free-fleet';
  free.name = 'Free fleet';
  free.plan = null;
  for (const v of free.vehicles) v.costs = { fixed: 0, perKm: 0, perHour: 0 };
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await openScenario(page, free);
  await expect(page.locator('.header-scenario')).toContainText('Free fleet');
  const limit = page.getByLabel('Time limit (s)');
  await limit.fill('4');
  await limit.press('Tab');
  await page.getByRole('button', { name: 'Optimize' }).click();
  // While it searches: the best plan's km, not a cost that stays 0.
  await expect(page.getByLabel('Solver progress')).toContainText('Best km', { timeout: 30_000 });
  await expect(page.getByLabel('Solver progress')).not.toContainText('Best cost');
  await expect(page.getByText('Finished.')).toBeVisible({ timeout: 60_000 });
  await viewsCaughtUp(page);

  const kpis = page.getByLabel('Plan summary');
  const tile = (label: string) => kpis.locator('.stat', { hasText: label });
  await expect(tile('Cost').locator('.stat__value')).toHaveText('—');
  await expect(tile('Cost')).toHaveAttribute('title', /No vehicle costs are set/);
  const km = await tile('Km').locator('.stat__value').innerText();
  expect(Number(km.replace(/,/g, ''))).toBeGreaterThan(10);
  const chart = page.getByLabel('Best cost over time');
  await expect(chart).toContainText('Km of the best plan');
  await expect(chart.locator('.cost-chart__figure')).toHaveText(new RegExp(`^Km ${km.replace(/[.,]/g, '\\$&')}( · [\\d,]+ unassigned \\(penalty [\\d,]+\\))? after [\\d.,]+ s$`));
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /^Km went from [\d,.]+ to /);
  await page.screenshot({ path: testInfo.outputPath('free-fleet.png') });

  // The scenario list and the comparison say so too: "—" with the reason, not a cost of 0 (once saved).
  await expect(page.getByText('Saved', { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const scenarios = page.getByRole('dialog', { name: 'Scenarios' });
  const costCell = (id: string) => scenarios.locator(`tr[data-scenario-id="${id}"] td`).nth(3);
  await expect(costCell('free-fleet')).toHaveText('—');
  await expect(costCell('free-fleet').locator('span')).toHaveAttribute('title', /No vehicle costs are set/);
  await scenarios.getByRole('button', { name: 'Compare…' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare scenarios' });
  await compare.getByLabel('Scenario A').selectOption({ label: 'Free fleet' });
  const costRow = compare.getByRole('table', { name: 'Comparison' }).getByRole('row', { name: /^Cost/ });
  await expect(costRow.locator('td').first()).toHaveText('—');
  await expect(costRow.locator('td').first().locator('span')).toHaveAttribute('title', /No vehicle costs are set/);
  await expect(costRow.locator('td').last()).toHaveText('');
});

test('a fleet of long names that differ at the end reads apart in a narrow route table', async ({ page }, testInfo) => {
  const large = makeLargeScenario(2000, 80);
  for (const [i, v] of large.vehicles.entries()) v.name = `Chauffeur-livreur ${i + 1}`;
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await openScenario(page, large);
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', '2000', { timeout: 60_000 });
  const table = page.locator('.routes-scroll--bounded .routes-table');
  await expect(table).toBeVisible();
  const rows = table.locator('tbody.route-group tr[data-vehicle-id]');
  await expect(rows.first()).toBeVisible();
  // Every row in view: its number is shown whole inside the name's cell, the long head is what is cut.
  const seen = await table.evaluate((el) => {
    const out: { text: string; tail: string; tailInside: boolean; headCut: boolean }[] = [];
    const box = el.closest('.routes-scroll')!.getBoundingClientRect();
    for (const button of el.querySelectorAll<HTMLElement>('.route-name')) {
      const r = button.getBoundingClientRect();
      if (r.bottom < box.top || r.top > box.bottom) continue;
      const head = button.querySelector<HTMLElement>('.route-name__head')!;
      const tail = button.querySelector<HTMLElement>('.route-name__tail')!;
      const cell = button.closest('th')!.getBoundingClientRect();
      const t = tail.getBoundingClientRect();
      out.push({ text: button.textContent ?? '', tail: tail.textContent ?? '', tailInside: t.width > 0 && t.right <= cell.right + 0.5 && t.left >= cell.left - 0.5, headCut: head.scrollWidth > head.clientWidth });
    }
    return out;
  });
  expect(seen.length).toBeGreaterThan(5);
  for (const row of seen) {
    expect(row.text).toMatch(/^Chauffeur-livreur \d+$/);
    expect(row.tail).toBe(` ${row.text.split(' ')[1]}`);
    expect(row.tailInside, `${row.text}: its number inside the cell`).toBe(true);
  }
  // The panel is too narrow for the whole name: the head is what gives way.
  expect(seen.some((row) => row.headCut), 'some names are cut').toBe(true);
  await page.locator('.routes-scroll').screenshot({ path: testInfo.outputPath('long-names.png') });
});
