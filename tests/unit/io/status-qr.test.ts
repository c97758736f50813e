// The status QR: a morning's events fit one code; a long day's do not, and the view then says so.
import { describe, expect, it } from 'vitest';
import { makeDriverEvent, type DriverEvent } from '../../../web/src/domain/driver/driver-log';
import { eventsOnlyText } from '../../../web/src/domain/driver/status-file';
import { statusQrVersion } from '../../../web/src/io/status-qr';
import { demoDriverRoute } from '../../fixtures/driver-route';

/** Arrived + done with a short POD at each of `count` stops. */
function dayLog(count: number): DriverEvent[] {
  const route = demoDriverRoute(count);
  return route.stops.flatMap((stop, i) => [
    makeDriverEvent(stop, { type: 'arrived' }, `drv-${'a'.repeat(24)}${i}`, 500 + i * 20),
    makeDriverEvent(stop, { type: 'done', pod: { recipient: 'A. Customer', signature: `signature-${'b'.repeat(24)}${i}` } }, `drv-${'c'.repeat(24)}${i}`, 505 + i * 20),
  ]);
}

describe('status QR', () => {
  it('fits a few stops in one code, and a bigger text needs a bigger code', () => {
    const small = statusQrVersion(eventsOnlyText(dayLog(2)));
    const larger = statusQrVersion(eventsOnlyText(dayLog(6)));
    expect(small).not.toBeNull();
    expect(larger).not.toBeNull();
    expect(larger!).toBeGreaterThan(small!);
    expect(larger!).toBeLessThanOrEqual(40);
  });

  it('says a long day does not fit (more than a version-40 code holds)', () => {
    const text = eventsOnlyText(dayLog(30));
    expect(text.length).toBeGreaterThan(2953);
    expect(statusQrVersion(text)).toBeNull();
  });
});
