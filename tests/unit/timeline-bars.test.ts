// A timeline bar refitted to another prediction of its stop (Day mode) reads and sits as a bar made for it.
import { describe, expect, it } from 'vitest';
import { makeBar, refit, sameShape, syncBars } from '../../web/src/components/timeline-bar';
import type { TimelineAxis, TimelineStop } from '../../web/src/plan/timeline';

const axis: TimelineAxis = { fromS: 7 * 3600, toS: 19 * 3600, hours: [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19] };

const stop = (over: Partial<TimelineStop> = {}): TimelineStop => ({
  orderId: 'O-7', stepType: 'job', sequence: 3, label: 'Ana Ruiz', arrivalS: 9 * 3600, waitS: 600, serviceStartS: 9 * 3600 + 600,
  departureS: 9 * 3600 + 1500, lateS: 0, windows: [{ startS: 9 * 3600 + 600, endS: 11 * 3600 }], ...over,
});

/** What a track shows: per element its class, place, title and label. */
function shown(track: HTMLElement) {
  return [...track.children].map((el) => {
    const h = el as HTMLElement;
    return { cls: h.className, left: h.style.left, width: h.style.width, title: h.title, label: h.getAttribute('aria-label'), background: h.style.background };
  });
}

describe('timeline bars', () => {
  it('refits a bar to a new prediction of its stop in place, as a bar made for that prediction', () => {
    const cases: Partial<TimelineStop>[] = [
      { arrivalS: 9 * 3600 + 300, serviceStartS: 9 * 3600 + 600, departureS: 9 * 3600 + 1700 },
      { arrivalS: 10 * 3600, waitS: 60, serviceStartS: 10 * 3600 + 60, departureS: 10 * 3600 + 960, sequence: 2 },
      { windows: [{ startS: 8 * 3600, endS: 12 * 3600 }], label: 'Ana Ruiz-Soto' },
    ];
    for (const change of cases) {
      const track = document.createElement('div');
      const bar = makeBar(track, stop(), axis);
      bar.bar.style.background = '#123456';
      const elements = [...track.children];
      const next = stop(change);
      expect(sameShape(bar, next)).toBe(true);
      refit(bar, next, axis);
      // The same elements, now where and what a bar made for the new prediction is.
      expect([...track.children]).toEqual(elements);
      expect([...track.children].every((el, i) => el === elements[i])).toBe(true);
      const fresh = document.createElement('div');
      makeBar(fresh, next, axis).bar.style.background = '#123456';
      expect(shown(track)).toEqual(shown(fresh));
      expect(bar.stop).toBe(next);
    }
  });

  it('does not refit a stop whose elements differ: late now, another window, another stop', () => {
    const bar = makeBar(document.createElement('div'), stop(), axis);
    expect(sameShape(bar, stop({ lateS: 300 }))).toBe(false);
    expect(sameShape(bar, stop({ waitS: 0 }))).toBe(false);
    expect(sameShape(bar, stop({ windows: [] }))).toBe(false);
    expect(sameShape(bar, stop({ orderId: 'O-8' }))).toBe(false);
    expect(sameShape(bar, stop({ stepType: 'pickup' }))).toBe(false);
  });

  it('keeps a row in step with a new prediction: each stop in its place, only the one that changed its shape made anew', () => {
    const a = stop({ orderId: 'A', sequence: 1, arrivalS: 8 * 3600, serviceStartS: 8 * 3600 + 600, departureS: 8 * 3600 + 1200 });
    const b = stop({ orderId: 'B', sequence: 2, arrivalS: 9 * 3600, serviceStartS: 9 * 3600 + 600, departureS: 9 * 3600 + 1200 });
    const c = stop({ orderId: 'C', sequence: 3, arrivalS: 10 * 3600, serviceStartS: 10 * 3600 + 600, departureS: 10 * 3600 + 1200 });
    const track = document.createElement('div');
    const bars = syncBars(track, [], [a, b, c], axis, true);
    const before = [...track.children];
    // Later everywhere; B now reached after its window closed (late, no wait).
    const later = (s: TimelineStop, over: Partial<TimelineStop> = {}) => ({ ...s, arrivalS: s.arrivalS + 900, serviceStartS: s.serviceStartS + 900, departureS: s.departureS + 900, ...over });
    const next = [later(a), later(b, { waitS: 0, lateS: 1200, arrivalS: 11 * 3600 + 1200, serviceStartS: 11 * 3600 + 1200, departureS: 11 * 3600 + 1800 }), later(c)];
    const synced = syncBars(track, bars, next, axis, true);
    const fresh = document.createElement('div');
    syncBars(fresh, [], next, axis, true);
    expect(shown(track)).toEqual(shown(fresh));
    // A's and C's elements are the ones drawn before; B's are new.
    expect(synced[0].bar).toBe(bars[0].bar);
    expect(synced[2].bar).toBe(bars[2].bar);
    expect(synced[1].bar).not.toBe(bars[1].bar);
    expect(before.filter((el) => el.parentNode === track)).toHaveLength(before.length - 3);
    // Fewer stops, or another axis: all drawn again.
    const fewer = syncBars(track, synced, next.slice(0, 2), axis, true);
    expect(fewer[0].bar).not.toBe(synced[0].bar);
    const wider = { ...axis, fromS: 6 * 3600 };
    syncBars(track, fewer, next.slice(0, 2), wider, false);
    const wide = document.createElement('div');
    syncBars(wide, [], next.slice(0, 2), wider, true);
    expect(shown(track)).toEqual(shown(wide));
  });
});
