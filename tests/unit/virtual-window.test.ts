// Which rows of a long list are rendered (issue #15): the viewport plus overscan, spacers standing in for the rest.
import { describe, expect, it } from 'vitest';
import { scrollToRow, virtualWindow } from '../../web/src/components/ui/virtual-window';

describe('virtualWindow', () => {
  it('renders the rows in view plus overscan, and spacers sum to the full height', () => {
    const w = virtualWindow({ count: 150, rowHeight: 30, scrollTop: 900, viewport: 270, overscan: 2 });
    // Rows 30..38 are in view (the 10th partly), two more on each side.
    expect(w).toEqual({ start: 28, end: 42, padTop: 28 * 30, padBottom: (150 - 42) * 30 });
    expect(w.padTop + (w.end - w.start) * 30 + w.padBottom).toBe(150 * 30);
  });

  it('clamps at the top and the bottom of the list', () => {
    expect(virtualWindow({ count: 150, rowHeight: 30, scrollTop: 0, viewport: 270, overscan: 2 })).toMatchObject({ start: 0, end: 12, padTop: 0 });
    const end = virtualWindow({ count: 150, rowHeight: 30, scrollTop: 150 * 30 - 270, viewport: 270, overscan: 2 });
    expect(end.end).toBe(150);
    expect(end.padBottom).toBe(0);
    expect(end.start).toBe(141 - 2);
    // Scrolled past the end (a list that just shrank): still the last rows, never an empty window.
    const past = virtualWindow({ count: 10, rowHeight: 30, scrollTop: 5000, viewport: 270, overscan: 2 });
    expect(past.start).toBeLessThan(past.end);
    expect(past.end).toBe(10);
  });

  it('renders every row while the row height is unknown, and nothing for an empty list', () => {
    expect(virtualWindow({ count: 5, rowHeight: 0, scrollTop: 0, viewport: 100, overscan: 1 })).toEqual({ start: 0, end: 5, padTop: 0, padBottom: 0 });
    expect(virtualWindow({ count: 0, rowHeight: 30, scrollTop: 0, viewport: 100, overscan: 1 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});

describe('virtualWindow with one taller row (an open route)', () => {
  const base = { count: 100, rowHeight: 30, viewport: 300, overscan: 0 };

  it('places the rows after the tall one lower by its extra height, and the spacers still sum to the full height', () => {
    const tall = { index: 10, extra: 400 };
    // y = 700 is inside the tall row (300..730): it and the rows below it that fit are rendered.
    const inside = virtualWindow({ ...base, scrollTop: 700, tall });
    expect(inside.start).toBe(10);
    expect(inside.padTop).toBe(300);
    // The viewport ends at 700 + 300 = 1000. Row 10 ends at 730, row k > 10 starts at 400 + 30k: row 20 starts at
    // 1000, the edge (like the plain window, the row at the edge is rendered).
    expect(inside.end).toBe(21);
    expect(inside.padTop + 430 + 10 * 30 + inside.padBottom).toBe(100 * 30 + 400);
    // Below the tall row every row is shifted by its extra height.
    const below = virtualWindow({ ...base, scrollTop: 400 + 50 * 30, tall });
    expect(below.start).toBe(50);
    expect(below.padTop).toBe(50 * 30 + 400);
    expect(below.padBottom).toBe((100 - below.end) * 30);
  });

  it('is the plain window above the tall row, and ignores a tall row outside the list or of no extra height', () => {
    const plain = virtualWindow({ ...base, scrollTop: 60 });
    expect(virtualWindow({ ...base, scrollTop: 60, tall: { index: 50, extra: 400 } })).toEqual({ ...plain, padBottom: plain.padBottom + 400 });
    expect(virtualWindow({ ...base, scrollTop: 60, tall: { index: 500, extra: 400 } })).toEqual(plain);
    expect(virtualWindow({ ...base, scrollTop: 60, tall: { index: 1, extra: 0 } })).toEqual(plain);
  });

  it('scrolls to a row below the tall one at its shifted place, and brings a row taller than the viewport to the top', () => {
    const tall = { index: 10, extra: 400 };
    expect(scrollToRow(40, 30, 0, 300, tall)).toBe(40 * 30 + 400 + 30 - 300);
    expect(scrollToRow(10, 30, 0, 300, tall)).toBe(300);
    expect(scrollToRow(10, 30, 300, 300, tall)).toBeNull();
    expect(scrollToRow(5, 30, 0, 300, tall)).toBeNull();
  });
});

describe('scrollToRow', () => {
  it('scrolls up to a row above, down to a row below, and not at all for a row in view', () => {
    expect(scrollToRow(5, 30, 600, 270)).toBe(150);
    expect(scrollToRow(40, 30, 0, 270)).toBe(41 * 30 - 270);
    expect(scrollToRow(22, 30, 600, 270)).toBeNull();
  });
});
