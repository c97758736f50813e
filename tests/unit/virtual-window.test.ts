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

describe('scrollToRow', () => {
  it('scrolls up to a row above, down to a row below, and not at all for a row in view', () => {
    expect(scrollToRow(5, 30, 600, 270)).toBe(150);
    expect(scrollToRow(40, 30, 0, 270)).toBe(41 * 30 - 270);
    expect(scrollToRow(22, 30, 600, 270)).toBeNull();
  });
});
