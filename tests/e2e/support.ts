// Shared Playwright setup for every spec: nothing may leave the machine (remote
// requests such as map tiles are aborted), and a test fails on any console or
// page error of the app other than those blocked requests.
import { expect, test as base, type ConsoleMessage, type Page } from '@playwright/test';

/** A request to this machine (the app's own server), not one that would leave it. */
export const isLocal = (url: string) => ['localhost', '127.0.0.1'].includes(new URL(url).hostname);

/** Errors the test itself causes by blocking remote resources are expected. */
function isBlockedResource(msg: ConsoleMessage): boolean {
  const url = msg.location().url;
  return msg.text().startsWith('Failed to load resource') && !!url && (!isLocal(url) || url.includes(NETWORK_PROBE));
}

/** Path of the request `networkIsOff` makes (its failure is the answer, not an error of the app). */
const NETWORK_PROBE = '/network-probe-';

/**
 * `test` with an automatic offline + console-error guard around each test. A spec whose test
 * causes an error on purpose (e.g. a request the CSP refuses) matches it with
 * `test.use({ expectedConsoleError: /…/ })`; every other error still fails the test.
 */
export const test = base.extend<{ offlineGuard: void; expectedConsoleError: RegExp | null }>({
  expectedConsoleError: [null, { option: true }],
  offlineGuard: [async ({ page, context, expectedConsoleError }, use) => {
    const errors: string[] = [];
    const expected = (msg: ConsoleMessage) => !!expectedConsoleError?.test(msg.text());
    await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    page.on('console', (msg) => { if (msg.type() === 'error' && !isBlockedResource(msg) && !expected(msg)) errors.push(msg.text()); });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await use();
    expect(errors, 'console errors').toEqual([]);
  }, { auto: true }],
});

export { expect };

/** The map region. */
export const mapRegion = (page: Page) => page.getByRole('region', { name: 'Map' });

/**
 * Whether the page's network is off: a request for a path nothing caches fails. (Chromium 150 reports
 * `navigator.onLine` true after a reload under the context's offline emulation although every request fails.)
 */
export const networkIsOff = (page: Page) => page.evaluate(async (probe) => {
  try {
    await fetch(`${probe}${Math.random().toString(36).slice(2)}`, { cache: 'no-store' });
    return false;
  } catch {
    return true;
  }
}, NETWORK_PROBE);

/** Sets the run's time limit, presses Optimize and waits until routes are drawn and the run has ended. */
/**
 * Waits until the map, the Plan summary, the route list and the timeline show the plan in the store: each derives a
 * new plan in tasks of its own after the one that stored it (aria-busy meanwhile), so a solve's final plan — often
 * not the last best-so-far drawn — reaches them a little after "Finished." and the enabled Optimize button.
 */
export async function viewsCaughtUp(page: Page): Promise<void> {
  for (const view of [mapRegion(page), page.getByLabel('Plan summary'), page.locator('section.route-list'), page.getByRole('region', { name: 'Timeline' })]) {
    await expect(view).toHaveAttribute('aria-busy', 'false');
  }
}

export async function optimize(page: Page, seconds = 2): Promise<void> {
  const input = page.getByLabel('Time limit (s)');
  await input.fill(String(seconds));
  await input.press('Tab');
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(mapRegion(page)).not.toHaveAttribute('data-route-count', '0', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled();
  await viewsCaughtUp(page);
}
