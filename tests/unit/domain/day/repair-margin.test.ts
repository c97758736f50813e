// The at-risk margin priced for the solver (repair-margin.ts): the last minutes of
// an order's latest window become a priced allowance; hard window + allowance = the original window.
import { describe, expect, it } from 'vitest';
import { marginShapedOrder } from '../../../../web/src/domain/day/repair-margin';
import type { Order } from '../../../../web/src/domain/scenario';
import { smallScenario } from '../../../fixtures/small-scenario';

const shaping = { marginMinutes: 15, costPerMinute: 2 };
const withWindows = (windows: [number, number][], extra: Partial<Order> = {}): Order => ({
  ...smallScenario().orders[0], timeWindows: windows.map(([start, end]) => ({ start, end })), ...extra,
});

describe('marginShapedOrder', () => {
  it('ends the latest window `margin` minutes earlier and gives that many minutes of priced allowance', () => {
    const o = marginShapedOrder(withWindows([[600, 660], [480, 540]]), shaping);
    // Only the window closing last is shaped (the solver extends only that one by an allowance).
    expect(o.timeWindows).toEqual([{ start: 600, end: 645 }, { start: 480, end: 540 }]);
    expect(o.lateness).toEqual({ maxMinutes: 15, costPerMinute: 2 });
  });

  it('gives up at most the window length: a window shorter than the margin stays servable to its end', () => {
    const o = marginShapedOrder(withWindows([[500, 510]]), shaping);
    expect(o.timeWindows).toEqual([{ start: 500, end: 500 }]);
    expect(o.lateness).toEqual({ maxMinutes: 10, costPerMinute: 2 });
  });

  it('shapes a shipment pickup by the same minutes (one allowance serves both ends)', () => {
    const pickup = { lat: 45.7, lng: 4.8, address: 'P', timeWindows: [{ start: 420, end: 428 }], serviceMinutes: 5 };
    const o = marginShapedOrder(withWindows([[480, 600]], { pickup }), shaping);
    expect(o.pickup!.timeWindows).toEqual([{ start: 420, end: 420 }]);
    expect(o.timeWindows).toEqual([{ start: 480, end: 592 }]);
    expect(o.lateness).toEqual({ maxMinutes: 8, costPerMinute: 2 });
  });

  it('keeps the windows of an order with an allowance of its own and prices its lateness higher', () => {
    const o = marginShapedOrder(withWindows([[480, 600]], { lateness: { maxMinutes: 30, costPerMinute: 1 } }), shaping);
    expect(o.timeWindows).toEqual([{ start: 480, end: 600 }]);
    expect(o.lateness).toEqual({ maxMinutes: 30, costPerMinute: 3 });
  });

  it('leaves an order without windows, or any order under a zero margin, as it is', () => {
    const open = withWindows([]);
    expect(marginShapedOrder(open, shaping)).toBe(open);
    const timed = withWindows([[480, 600]]);
    expect(marginShapedOrder(timed, { marginMinutes: 0, costPerMinute: 2 })).toBe(timed);
    expect(timed.timeWindows).toEqual([{ start: 480, end: 600 }]);
  });
});
