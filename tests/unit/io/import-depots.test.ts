import { describe, expect, it } from 'vitest';
import { DepotPlanner } from '../../../web/src/io/import-depots';

describe('DepotPlanner', () => {
  // `npm run fuzz`, xlsx vehicles, FUZZ_SEED=7: an earlier row named a new depot '[object Object]'.
  it('quotes the known depot names of an unknown depot message: they are text of the file', () => {
    const planner = new DepotPlanner([{ id: 'depot-1', name: 'Main', lat: 45.75, lng: 4.85, open: 0, close: 1440 }]);
    expect(planner.resolve({ text: '4, 8', name: '[object Object]' })).toEqual({ ok: true, value: 'object-object' });
    const unknown = planner.resolve({ text: 'Nowhere' });
    expect(unknown).toEqual({
      ok: false,
      message: "unknown depot 'Nowhere' (known: 'Main', '[object Object]'); write its place as \"lat, lng\" or add latitude and longitude columns",
    });
  });

  it('says when there are no depots yet', () => {
    const unknown = new DepotPlanner([]).resolve({ text: 'Nowhere' });
    expect(unknown.ok ? '' : unknown.message).toMatch(/^unknown depot 'Nowhere' \(no depots yet\)/);
  });

  it('lists at most eight known depots, the scenario\'s first, and counts the rest', () => {
    const planner = new DepotPlanner([{ id: 'depot-1', name: 'Main', lat: 45.75, lng: 4.85, open: 0, close: 1440 }]);
    for (let i = 0; i < 12; i += 1) expect(planner.resolve({ text: `${i + 1}, 8`, name: `Place ${i}` }).ok).toBe(true);
    const unknown = planner.resolve({ text: 'Nowhere' });
    expect(unknown.ok ? '' : unknown.message).toContain("(known: 'Main', 'Place 0', 'Place 1', 'Place 2', 'Place 3', 'Place 4', 'Place 5', 'Place 6' and 5 more)");
  });
});
