import { describe, expect, it } from 'vitest';
import { routeColumns, textWidthCh } from '../../web/src/components/route-columns';

describe('route table columns', () => {
  it('counts a tabular digit as one ch and a separator as less', () => {
    expect(textWidthCh('10974')).toBe(5);
    expect(textWidthCh('10,974')).toBeCloseTo(5.45);
    expect(textWidthCh('4,712:50')).toBeCloseTo(6.9);
    expect(textWidthCh('')).toBe(0);
  });

  it('keeps the pin and name columns first and sizes each figure column by its widest text', () => {
    const template = routeColumns([['10,974'], ['28,992.2'], ['8:05', '12:40'], ['08:00'], ['23:10 +1']]);
    const parts = template.split(/ (?=max\()/);
    expect(parts[0]).toBe('26px minmax(0, 1fr)');
    expect(parts).toHaveLength(6);
    // 5.45 ch × 1.08 for the bold totals, plus the cells' padding.
    expect(parts[1]).toBe('max(3.6em, calc(5.89ch + 12px))');
    // The widest text of a column decides, not the first.
    expect(parts[3]).toBe(`max(3.6em, calc(${(4.45 * 1.08).toFixed(2)}ch + 12px))`);
    expect(parts[5]).toBe(`max(3.6em, calc(${(6.9 * 1.08).toFixed(2)}ch + 12px))`);
  });

  it('gives an empty column its header width', () => {
    expect(routeColumns([[]])).toBe('26px minmax(0, 1fr) max(3.6em, calc(0.00ch + 12px))');
  });
});
