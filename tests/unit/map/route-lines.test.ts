// Route lines carried from one plan to the next: a line object handed back again keeps its polyline.
import { describe, expect, it } from 'vitest';
import type { RouteLine } from '../../../web/src/map/projection';
import { carryLines, type DrawnLine } from '../../../web/src/map/route-lines';

const line = (vehicleId: string): RouteLine => ({ vehicleId, color: '#123456', points: [[45, 4], [45.1, 4.1]] });

describe('carryLines', () => {
  it('keeps the entries of the same line objects, makes entries for new ones, and drops the polylines of the rest', () => {
    const [a, b, c] = [line('a'), line('b'), line('c')];
    const drawn: DrawnLine<string>[] = [
      { line: a, polyline: 'polyline a', style: 'bold' },
      { line: b, polyline: 'polyline b', style: 'thin' },
      { line: c, polyline: null, style: '' },
    ];
    // b's route changed (a new object for the same vehicle), c's is gone, d is new; a is the same object.
    const b2 = line('b');
    const d = line('d');
    const carried = carryLines(drawn, [d, b2, a]);
    expect(carried.drawn.map((e) => e.line)).toEqual([d, b2, a]);
    expect(carried.drawn[2]).toBe(drawn[0]);
    expect(carried.drawn[0]).toEqual({ line: d, polyline: null, style: '' });
    expect(carried.drawn[1]).toEqual({ line: b2, polyline: null, style: '' });
    // c had no polyline yet: nothing of it to take off the map.
    expect(carried.dropped).toEqual(['polyline b']);
  });

  it('drops every polyline for a plan of all new lines, and none for the same lines again', () => {
    const lines = [line('a'), line('b')];
    const drawn: DrawnLine<number>[] = lines.map((l, i) => ({ line: l, polyline: i, style: 's' }));
    expect(carryLines(drawn, [line('a'), line('b')]).dropped).toEqual([0, 1]);
    const same = carryLines(drawn, lines);
    expect(same.dropped).toEqual([]);
    expect(same.drawn).toEqual(drawn);
    expect(same.drawn[0]).toBe(drawn[0]);
  });
});
