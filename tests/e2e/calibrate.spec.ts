// Day-mode risk and calibration in Chromium (issue #14): after Dispatch the Risk
// region shows the rest of the day's figures (expected late stops, weakest
// promises), the remaining stops their chance of being on time and the
// timeline its whiskers; once the day is played a few hours, Calibration lists
// estimates with their sample counts, and "Update variability settings"
// writes them into the settings (seen in the Settings dialog).
import { expect, optimize, test } from './support';

test('Day mode estimates the rest of the day; a played day calibrates the variability settings', async ({ page }) => {
  await page.goto('/');
  await optimize(page, 2);
  await page.getByRole('button', { name: 'Dispatch' }).click();
  await expect(page.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // The rest of the day's risk, from the current state.
  const risk = page.getByRole('region', { name: 'Risk', exact: true });
  await expect(risk).toContainText(/Expected late stops: \d+\.\d/, { timeout: 60_000 });
  await expect(risk).toContainText('from the current state of the day');
  await risk.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('day-risk.png') });
  await expect(page.getByTestId('day-stop-chance').first()).toHaveText(/^\d+(\.\d)? % on time · \d\d:\d\d–\d\d:\d\d$/);
  await expect(page.getByRole('region', { name: 'Timeline' }).locator('.tl-whisker').first()).toBeAttached();

  // Before anything happened, there is nothing to calibrate from.
  const calibration = page.getByRole('region', { name: 'Calibration' });
  await expect(calibration.locator('[data-calibration="travelCv"] [data-testid="calibration-estimate"]')).toHaveText('not enough data');
  await expect(calibration.getByRole('button', { name: 'Update variability settings' })).toHaveCount(0);

  // Play the day at the fastest speed until well past noon.
  await page.getByLabel('Speed').selectOption('2880');
  await page.getByRole('button', { name: 'Play' }).click();
  const time = page.getByLabel('Time', { exact: true });
  await expect.poll(async () => (await time.inputValue()) >= '13:00', { timeout: 30_000 }).toBe(true);
  await page.getByRole('button', { name: 'Pause' }).click();

  // The figures follow the day: done stops have no chance shown, the remaining ones do.
  await expect(page.locator('.day-stop[data-status="done"] [data-testid="day-stop-chance"]')).toHaveCount(0);
  await expect(risk).toContainText(/Expected late stops: \d+\.\d/);

  // Calibration from the played hours: a travel CV from enough legs, and the button.
  const travel = calibration.locator('[data-calibration="travelCv"]');
  await expect(travel.getByTestId('calibration-estimate')).toHaveText(/^\d\.\d\d$/, { timeout: 10_000 });
  await expect(travel).toContainText(/\d+ legs \(min 5\)/);
  await expect(calibration).toContainText(/Service time CV, /);
  const estimate = (await travel.getByTestId('calibration-estimate').textContent())!;
  await calibration.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('calibration.png') });
  await calibration.getByRole('button', { name: 'Update variability settings' }).click();
  // Written: the current value is the estimate and nothing is left to apply.
  await expect(travel.getByTestId('calibration-current')).toHaveText(estimate);
  await expect(calibration.getByRole('button', { name: 'Update variability settings' })).toHaveCount(0);
  await expect(calibration.getByTestId('calibration-nothing')).toBeVisible();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByTestId('settings-travel-cv')).toHaveText(estimate);
});
