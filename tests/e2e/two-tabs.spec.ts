// Two tabs (two pages of one browser context) on the same scenario: each
// follows the other's saves; edits made in both at once are never lost
// silently: one tab is told, and keeps its version as a copy.
import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, mapRegion, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as { name: string; orders: unknown[] };
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Opens the planner; the first tab stores the demo, the second restores it from storage. */
async function open(page: Page, status: 'saved' | 'idle'): Promise<void> {
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await expect(page.locator(`[data-save-status="${status}"]`)).toBeAttached();
}

/** Opens the rename form of the open scenario and types `to`; returns the Save button. */
async function prepareRename(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenarios' });
  await dialog.getByRole('button', { name: `Rename ${from}` }).click();
  await dialog.getByLabel('New name').fill(to);
  return dialog.getByRole('button', { name: 'Save' });
}

async function rename(page: Page, from: string, to: string): Promise<void> {
  await (await prepareRename(page, from, to)).click();
  await page.keyboard.press('Escape');
  await expect(heading(page)).toHaveText(to);
}

test('two pages on one scenario follow each other and never lose an edit', async ({ page, context }) => {
  const a = page;
  await open(a, 'saved');
  const b = await context.newPage();
  await open(b, 'idle');

  await rename(a, DEMO.name, 'Renamed in A');
  await expect(heading(b)).toHaveText('Renamed in A');
  await rename(b, 'Renamed in A', 'Renamed in B');
  await expect(heading(a)).toHaveText('Renamed in B');

  // Both tabs edit at once: the second save would overwrite the first; it is refused and its tab told.
  const saveA = await prepareRename(a, 'Renamed in B', 'Concurrent A');
  const saveB = await prepareRename(b, 'Renamed in B', 'Concurrent B');
  await Promise.all([saveA.click(), saveB.click()]);
  await a.keyboard.press('Escape');
  await b.keyboard.press('Escape');
  const told = (p: Page) => p.getByRole('alert').filter({ hasText: 'Changed in another tab' });
  await expect.poll(async () => (await told(a).count()) + (await told(b).count()), { timeout: 15_000 }).toBe(1);
  const [loser, winner] = (await told(a).count()) ? [a, b] : [b, a];
  await expect(told(winner)).toHaveCount(0);
  const loserName = (await heading(loser).textContent())!;
  const winnerName = (await heading(winner).textContent())!;
  expect([loserName, winnerName].sort()).toEqual(['Concurrent A', 'Concurrent B']);
  await expect(loser.locator('[data-save-status="error"]')).toHaveText('Not saved');

  await told(loser).getByRole('button', { name: 'Save mine as a copy' }).click();
  await expect(told(loser)).toHaveCount(0);
  await expect(heading(loser)).toHaveText(`${loserName} (copy from another tab)`);
  await expect(loser.locator('[data-save-status="saved"]')).toBeVisible();
  // Both edits are stored: the winner's in the scenario, the loser's in its copy.
  await loser.getByRole('button', { name: 'Scenarios' }).click();
  const list = loser.getByRole('table', { name: 'Saved scenarios' });
  await expect(list).toContainText(winnerName);
  await expect(list).toContainText(`${loserName} (copy from another tab)`);
  await expect(heading(winner)).toHaveText(winnerName);
});
