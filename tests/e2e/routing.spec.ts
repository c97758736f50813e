// Road travel times from a routing service (issue #14): a local server speaking
// the OSRM table protocol supplies the matrix and the plan uses it (its legs are
// the stub's 1.3 × great-circle times, not the embedded model's); once the
// server stops, Optimize falls back to the embedded model and says so on the plan;
// Undo and Redo move between the two plans, each with its own travel times.
// A matrix CSV (from,to,seconds,metres) is the other source: bad rows are named, a
// complete file becomes the plan's travel times.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Scenario } from '../../web/src/domain/scenario';
import { startOsrmStub, stubDistanceM, stubDurationS, type OsrmStub } from '../helpers/osrm-stub';
import { expect, mapRegion, optimize, test } from './support';

// The stopped service's refused requests are the point of the second half.
test.use({ expectedConsoleError: /Failed to load resource: net::ERR_CONNECTION_REFUSED/ });

async function exportedScenario(page: Page): Promise<Scenario> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Scenario file' }).click()]);
  return (JSON.parse(readFileSync((await file.path())!, 'utf8')) as { scenario: Scenario }).scenario;
}

const lngLat = (p: { lat: number; lng: number }): [number, number] => [Number(p.lng.toFixed(5)), Number(p.lat.toFixed(5))];

/** Each route's first leg (depot → first stop) as planned, next to what the stub says for it. */
function firstLegs(s: Scenario): { planned: number; stub: number }[] {
  return (s.plan?.solution.routes ?? []).filter((r) => r.steps.length > 2 && r.steps[1].type === 'job').map((r) => {
    const vehicle = s.vehicles.find((v) => v.id === r.vehicleId)!;
    const depot = s.depots.find((d) => d.id === vehicle.startDepotId)!;
    const order = s.orders.find((o) => o.id === r.steps[1].id)!;
    const planned = r.steps[1].arrivalS - r.steps[0].departureS;
    return { planned, stub: Math.round(stubDurationS(lngLat(depot), lngLat(order)) * vehicle.speedFactor) };
  });
}

test('a routing service on localhost supplies the matrix; when it stops, the plan falls back to the embedded model', async ({ page }) => {
  let stub: OsrmStub | null = await startOsrmStub(0);
  try {
    await page.goto('/');
    await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Routing service URL').fill(stub.url);
    await expect(dialog.getByRole('note')).toContainText(`are sent to 127.0.0.1:${stub.port}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
    // The startup policy admits the routing host from the next start.
    await page.reload();
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]').nth(1)).toHaveAttribute('content', new RegExp(`connect-src 'self'[^;]* ${stub.url.replace(/[.]/g, '\\.')}`));

    // The best plan so far shows while the solve runs, on the routing service's travel times (issue #15).
    const limit = page.getByLabel('Time limit (s)');
    await limit.fill('4');
    await limit.press('Tab');
    await page.getByRole('button', { name: 'Optimize' }).click();
    await expect(mapRegion(page)).not.toHaveAttribute('data-route-count', '0', { timeout: 60_000 });
    await expect(page.getByText('Searching for a better plan…')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    await expect(page.getByText('Travel times: routing service')).toBeVisible();
    await expect(mapRegion(page)).toHaveAttribute('data-untrusted-route-count', '0');
    await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled({ timeout: 60_000 });
    await expect(page.getByText('Travel times: routing service')).toBeVisible();
    expect(stub.requests()).toBeGreaterThan(0);
    await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
    const routed = await exportedScenario(page);
    expect(routed.plan?.travel).toEqual({ source: 'routing' });
    expect(routed.plan?.solution.check.ok).toBe(true);
    const [type, matrix] = Object.entries(routed.travelMatrices ?? {})[0];
    expect(routed.vehicles.some((v) => v.type === type)).toBe(true);
    const [depot, order] = [routed.depots[0], routed.orders[0]];
    expect(matrix.durationsS[depot.matrixIndex!][order.matrixIndex!]).toBe(stubDurationS(lngLat(depot), lngLat(order)));
    expect(matrix.distancesM?.[depot.matrixIndex!][order.matrixIndex!]).toBe(stubDistanceM(lngLat(depot), lngLat(order)));
    const legs = firstLegs(routed);
    expect(legs.length).toBeGreaterThan(0);
    for (const leg of legs) expect(leg.planned).toBe(leg.stub);

    // Optimize again: the matrix comes from the IndexedDB cache, the service is not asked.
    const asked = stub.requests();
    await page.getByRole('button', { name: 'Optimize' }).click();
    await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled({ timeout: 60_000 });
    await expect(page.getByText('Travel times: routing service')).toBeVisible();
    expect(stub.requests()).toBe(asked);

    // The service stops; another profile misses the cache, so Optimize must ask it and falls back.
    await stub.close();
    stub = null;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    for (const type of ['van', 'box-truck']) await dialog.getByLabel(`Routing profile, ${type}`).fill('car');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Optimize' }).click();
    await expect(page.getByText(/^Travel times: embedded model \(routing service unreachable: the routing service at http:\/\/127\.0\.0\.1:\d+ cannot be reached/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled({ timeout: 60_000 });
    await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
    const fallback = await exportedScenario(page);
    expect(fallback.plan?.travel?.source).toBe('embedded');
    expect(fallback.plan?.travel?.fallback).toMatch(/cannot be reached/);
    expect(fallback.travelMatrices).toBeUndefined();
    expect(fallback.plan?.solution.check.ok).toBe(true);
    // The first legs now follow the embedded model, no longer the stub.
    expect(firstLegs(fallback).some((leg) => leg.planned !== leg.stub)).toBe(true);

    // Undo brings back the routed plan with the road matrices it was made with; Redo the fallback without them.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Travel times: routing service')).toBeVisible();
    await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
    const undone = await exportedScenario(page);
    expect(undone.plan?.travel).toEqual({ source: 'routing' });
    expect(undone.travelMatrices).toEqual(routed.travelMatrices);
    for (const leg of firstLegs(undone)) expect(leg.planned).toBe(leg.stub);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(page.getByText(/^Travel times: embedded model \(routing service unreachable/)).toBeVisible();
    await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
    const redone = await exportedScenario(page);
    expect(redone.plan?.travel?.source).toBe('embedded');
    expect(redone.travelMatrices).toBeUndefined();
  } finally {
    await stub?.close();
  }
});

test('a matrix CSV names its bad rows, and a complete one becomes the plan\'s travel times', async ({ page }) => {
  const demo = JSON.parse(readFileSync(new URL('../../public/demo-scenario.json', import.meta.url), 'utf8')) as Scenario;
  const places = [...demo.depots.map((d) => ({ id: d.id, at: lngLat(d) })), ...demo.orders.map((o) => ({ id: o.id, at: lngLat(o) })),
    ...demo.orders.filter((o) => o.pickup).map((o) => ({ id: `${o.id}#pickup`, at: lngLat(o.pickup!) }))];
  const lines = ['from,to,seconds,metres'];
  for (const a of places) for (const b of places) if (a !== b) lines.push(`${a.id},${b.id},${stubDurationS(a.at, b.at)},${stubDistanceM(a.at, b.at)}`);
  await page.goto('/');
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const file = dialog.getByLabel('Import travel matrix (CSV)');
  await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\nNOPE,${places[0].id},1,x\n`) });
  const problems = dialog.getByRole('alert', { name: 'Travel matrix problems' });
  await expect(problems).toContainText(`row ${lines.length + 1}, from: 'NOPE' is not a depot or order of this scenario`);
  await expect(problems).toContainText(`row ${lines.length + 1}, metres: 'x' is not a number`);
  await file.setInputFiles({ name: 'matrix.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(dialog.getByText(`Travel matrix imported: ${lines.length - 1} pairs.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await optimize(page, 2);
  await expect(page.getByText('Travel times: imported matrix')).toBeVisible();
  await expect(page.locator('[data-save-status="saved"]')).toBeVisible();
  const planned = await exportedScenario(page);
  expect(planned.plan?.travel).toEqual({ source: 'matrix' });
  expect(planned.plan?.solution.check.ok).toBe(true);
  const legs = firstLegs(planned);
  expect(legs.length).toBeGreaterThan(0);
  for (const leg of legs) expect(leg.planned).toBe(leg.stub);
});
