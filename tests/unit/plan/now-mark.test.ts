// Day mode's "now" label on the timeline axis (plan/now-mark.ts): right of the line, or left of it at the
// axis's right end, and exactly the hour labels it would touch are hidden.
import { describe, expect, it } from 'vitest';
import { coveredByNow, nowMark, NOW_LABEL_PX, TICK_HALF_PX } from '../../../web/src/plan/now-mark';

describe('the now mark on the hour axis', () => {
  it('runs right of the line and hides the hour labels under it, no others', () => {
    // 14 hours over 700 px: 50 px an hour; now at 11:00 on an axis from 07:00.
    const width = 700; const pct = (h: number) => ((h - 7) / 14) * 100;
    const mark = nowMark(pct(11), width);
    expect(mark).toEqual({ percent: pct(11), flipped: false, fromPx: 200, toPx: 200 + NOW_LABEL_PX });
    const covered = [7, 8, 9, 10, 11, 12, 13, 14, 20, 21].filter((h) => coveredByNow(mark, pct(h), width));
    expect(covered).toEqual([11, 12]);
    // 13:00, the first kept on the right, starts clear of the label's end.
    expect(pct(13) / 100 * width - TICK_HALF_PX).toBeGreaterThan(mark.toPx);
  });

  it('runs left of the line when the axis ends before the label would', () => {
    const mark = nowMark(99, 700);
    expect(mark.flipped).toBe(true);
    expect(mark.toPx).toBeCloseTo(693);
    expect(mark.fromPx).toBeCloseTo(693 - NOW_LABEL_PX);
    expect(coveredByNow(mark, 100, 700)).toBe(true);
    expect(coveredByNow(mark, 80, 700)).toBe(false);
  });

  it('clamps a now outside the axis and hides nothing before the axis is measured', () => {
    expect(nowMark(-20, 700).percent).toBe(0);
    expect(nowMark(140, 700).percent).toBe(100);
    const unmeasured = nowMark(50, 0);
    expect(coveredByNow(unmeasured, 50, 0)).toBe(false);
    expect(coveredByNow(null, 50, 700)).toBe(false);
    // An axis too narrow for the label on either side keeps it on the right.
    expect(nowMark(50, 80).flipped).toBe(false);
  });
});
