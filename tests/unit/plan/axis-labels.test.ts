// The timeline axis's labels (plan/axis-labels.ts): hours thinned out when they do not fit, and Day mode's "now"
// label right of its line, or left of it at the axis's right end, hiding exactly the hour labels it would touch.
import { describe, expect, it } from 'vitest';
import { coveredByNow, nowMark, NOW_LABEL_PX, shownHours } from '../../../web/src/plan/axis-labels';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the now mark on the hour axis', () => {
  it('runs right of the line and hides the hour labels under it, no others', () => {
    // 14 hours over 700 px: 50 px an hour; now at 11:00 on an axis from 07:00.
    const width = 700; const pct = (h: number) => ((h - 7) / 14) * 100;
    const mark = nowMark(pct(11), width);
    expect(mark).toEqual({ percent: pct(11), flipped: false, fromPx: 200, toPx: 200 + NOW_LABEL_PX });
    const covered = [7, 8, 9, 10, 11, 12, 13, 14, 20, 21].filter((h) => coveredByNow(mark, h, pct(h), width));
    expect(covered).toEqual([11, 12]);
    // A measured label narrower than the default covers less: at 10:40, 12:00 stays with a 40 px label.
    const at1040 = pct(10 + 40 / 60);
    expect(coveredByNow(nowMark(at1040, width), 12, pct(12), width)).toBe(true);
    expect(coveredByNow(nowMark(at1040, width, 40), 12, pct(12), width)).toBe(false);
  });

  it('runs left of the line when the axis ends before the label would', () => {
    const mark = nowMark(99, 700);
    expect(mark.flipped).toBe(true);
    expect(mark.toPx).toBeCloseTo(693);
    expect(mark.fromPx).toBeCloseTo(693 - NOW_LABEL_PX);
    expect(coveredByNow(mark, 21, 100, 700)).toBe(true);
    expect(coveredByNow(mark, 18, 80, 700)).toBe(false);
  });

  it('clamps a now outside the axis and hides nothing before the axis is measured', () => {
    expect(nowMark(-20, 700).percent).toBe(0);
    expect(nowMark(140, 700).percent).toBe(100);
    expect(coveredByNow(nowMark(50, 0), 12, 50, 0)).toBe(false);
    expect(coveredByNow(null, 12, 50, 700)).toBe(false);
    // An axis too narrow for the label on either side keeps it on the right.
    expect(nowMark(50, 80).flipped).toBe(false);
  });
});

describe('the hour labels shown', () => {
  it('shows every hour when they fit, every second or third when they do not, on multiples of the step', () => {
    const hours = range(7, 22);
    expect(shownHours(hours, 7 * 3600, 22 * 3600, 780)).toEqual(hours);
    expect(shownHours(hours, 7 * 3600, 22 * 3600, 450)).toEqual([8, 10, 12, 14, 16, 18, 20, 22]);
    expect(shownHours(hours, 7 * 3600, 22 * 3600, 300)).toEqual([9, 12, 15, 18, 21]);
  });

  it('gives the wider labels of the next day their room', () => {
    // 07:00 to 03:00 the next day over 780 px: 39 px an hour fits "08:00" but not "00:00 +1".
    const hours = range(7, 27);
    expect(shownHours(hours, 7 * 3600, 27 * 3600, 780)).toEqual(hours.filter((h) => h % 2 === 0));
    expect(shownHours(range(7, 20), 7 * 3600, 20 * 3600, 13 * 42)).toEqual(range(7, 20));
  });

  it('shows every hour while the width is unknown, and one label at least however narrow the axis', () => {
    expect(shownHours(range(8, 18), 8 * 3600, 18 * 3600, 0)).toEqual(range(8, 18));
    expect(shownHours([13, 14, 15], 13 * 3600, 15 * 3600, 20)).toEqual([13]);
  });
});
