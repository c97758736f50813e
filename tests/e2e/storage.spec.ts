// Storage that loses nothing, in Chromium: a full disk (IndexedDB writes failing
// with QuotaExceededError) shows the message and keeps the edit until it can be saved; an edit followed
// by a reload within 0.3 s survives (the browser warns before leaving); a backup
// restored in a new browser profile gives back every scenario equal.
import { readFileSync } from 'node:fs';
import { type Browser, type Page } from '@playwright/test';
import { expect, mapRegion, optimize, test } from './support';

const DEMO = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as { id: string; name: string; orders: unknown[] };
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const saved = (page: Page) => page.locator('[data-save-status="saved"]');

async function openDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(mapRegion(page)).toHaveAttribute('data-stop-count', String(DEMO.orders.length));
  await expect(saved(page)).toBeVisible();
}

async function openScenarios(page: Page) {
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scenarios' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Renames the open scenario through the scenario list (an ordinary edit). */
async function renameOpen(page: Page, from: string, to: string): Promise<void> {
  const dialog = await openScenarios(page);
  await dialog.getByRole('button', { name: `Rename ${from}` }).click();
  await dialog.getByLabel('New name').fill(to);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.keyboard.press('Escape');
  await expect(heading(page)).toHaveText(to);
}

/** Every stored scenario record of the page's profile, by id, without the save stamp. */
async function storedRecords(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => new Promise<Record<string, unknown>>((resolve, reject) => {
    const open = indexedDB.open('fmp-scenarios');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('scenarios').objectStore('scenarios').getAll();
      request.onsuccess = () => {
        const out: Record<string, unknown> = {};
        for (const record of request.result as { id?: string; savedAt?: number }[]) {
          if (typeof record !== 'object' || !record?.id) continue;
          const { savedAt: _s, ...rest } = record;
          out[record.id] = rest;
        }
        resolve(out);
      };
    };
  }));
}

/**
 * Makes every IndexedDB write of the page fail as a full disk does (QuotaExceededError) while
 * `full` is set. CDP's Storage.overrideQuotaForOrigin was tried first: this Chromium (156, in a
 * Playwright context) ignores it (the estimate keeps its quota and a 200 kB write still commits).
 */
async function fillDisk(page: Page, full: boolean): Promise<void> {
  const patch = (on: boolean) => {
    const w = globalThis as unknown as { __diskFull?: boolean; __putPatched?: boolean };
    w.__diskFull = on;
    if (w.__putPatched) return;
    w.__putPatched = true;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (w.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  };
  await page.evaluate(patch, full);
  // The autosave writes from its save worker (web/src/io/save-offload.ts), started by the first save: its
  // writes fail the same way.
  const savers = page.workers().filter((worker) => worker.url().includes('save.worker'));
  expect(savers.length, 'the save worker is running').toBeGreaterThan(0);
  for (const worker of savers) await worker.evaluate(patch, full);
}

test('a full storage quota shows the message, keeps the edit, and saves it once there is room', async ({ page }) => {
  await openDemo(page);
  await fillDisk(page, true);
  await renameOpen(page, DEMO.name, 'Edited on a full disk');
  await expect(page.getByRole('alert').filter({ hasText: 'Storage full' })).toContainText('kept in this tab and saving is retried');
  await expect(page.locator('[data-save-status="error"]')).toHaveText('Not saved');
  expect((await storedRecords(page))[DEMO.id]).toMatchObject({ name: DEMO.name });
  // Still full a few retries later: the edit stays in the tab, not saved.
  await page.waitForTimeout(2500);
  await expect(heading(page)).toHaveText('Edited on a full disk');
  expect((await storedRecords(page))[DEMO.id]).toMatchObject({ name: DEMO.name });

  await fillDisk(page, false);
  await expect(saved(page)).toBeVisible({ timeout: 40_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Storage full' })).toHaveCount(0);
  expect((await storedRecords(page))[DEMO.id]).toMatchObject({ name: 'Edited on a full disk' });
  await page.reload();
  await expect(heading(page)).toHaveText('Edited on a full disk');
});

test('an edit followed by a reload within 0.3 s is not lost, and leaving warns while it is pending', async ({ page }) => {
  await openDemo(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.type()); void dialog.accept(); });
  const dialog = await openScenarios(page);
  await dialog.getByRole('button', { name: `Rename ${DEMO.name}` }).click();
  await dialog.getByLabel('New name').fill('Reloaded at once');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-save-status="pending"]')).toBeVisible();
  await page.reload();
  await expect(heading(page)).toHaveText('Reloaded at once');
  expect(dialogs).toEqual(['beforeunload']);

  // Settings shows how much is stored, the quota, and whether the browser may clear it.
  await page.getByRole('button', { name: 'Settings' }).click();
  const storage = page.getByRole('group', { name: 'Storage' });
  await expect(storage).toContainText(/Using [\d.]+ (bytes|kB|MB) of [\d.]+ (MB|GB|TB) available to the planner/);
  await expect(storage).toContainText(/Persistent: (yes|no)/);
});

/** A context of a fresh browser profile, with the same "nothing leaves the machine" rule as support.ts. */
async function freshProfile(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  await context.route('**/*', (route) => (['localhost', '127.0.0.1'].includes(new URL(route.request().url()).hostname) ? route.continue() : route.abort('blockedbyclient')));
  return context;
}

async function backUp(page: Page): Promise<string> {
  const dialog = await openScenarios(page);
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Back up everything' }).click()]);
  await expect(dialog.getByText(/Backed up \d+ scenarios?\./)).toBeVisible();
  await page.keyboard.press('Escape');
  return (await file.path())!;
}

test('back up everything, restore it in a new browser profile: every scenario comes back equal', async ({ page, browser, baseURL }) => {
  await openDemo(page);
  await optimize(page);
  await expect(saved(page)).toBeVisible();
  let dialog = await openScenarios(page);
  await dialog.getByRole('button', { name: 'Duplicate (branch)' }).click();
  await expect(heading(page)).toHaveText(`${DEMO.name} (branch)`);
  await renameOpen(page, `${DEMO.name} (branch)`, 'Branch <b>bold</b> & "quoted"');
  await expect(saved(page)).toBeVisible();
  const before = await storedRecords(page);
  expect(Object.keys(before)).toHaveLength(2);
  const backupPath = await backUp(page);
  const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as { type: string; version: number; scenarios: unknown[]; media: unknown[] };
  expect(backup).toMatchObject({ type: 'fmp-backup', version: 2, media: [] });
  expect(backup.scenarios).toHaveLength(2);

  const context = await freshProfile(browser, baseURL!);
  const other = await context.newPage();
  await openDemo(other);
  dialog = await openScenarios(other);
  await dialog.getByLabel('Backup file').setInputFiles(backupPath);
  const preview = dialog.getByRole('group', { name: 'Restore preview' });
  await expect(preview).toContainText('1 scenario will be added.');
  await expect(preview).toContainText('1 scenario differ from the one here with the same id');
  await preview.getByLabel(/Replace the 1 scenario\(s\) here that differ/).check();
  await expect(preview).toContainText('1 scenario here will be REPLACED');
  await preview.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog.getByText(/^Restored from /)).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Saved scenarios' }).locator('tbody tr')).toHaveCount(2);
  await expect(dialog.getByRole('table', { name: 'Saved scenarios' })).toContainText('Branch <b>bold</b> & "quoted"');
  await other.keyboard.press('Escape');
  // The open demo was replaced by the backup's version (with its plan).
  await expect(mapRegion(other)).not.toHaveAttribute('data-route-count', '0');
  await expect(saved(other)).toBeVisible();
  expect(await storedRecords(other)).toEqual(before);
  await context.close();
});
