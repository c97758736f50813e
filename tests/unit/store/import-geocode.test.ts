// Placing import rows without coordinates: a sure match places the row, several
// or weak matches wait for the user's pick, an address nobody knows waits for a
// map click; one request per distinct address; geocoding off says so; a map
// click settles a review; Cancel keeps what was found and says where it stopped.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { memoryGeocodeCache } from '../../../web/src/io/geocode-batch';
import { START_NEEDS_PLACE } from '../../../web/src/io/import-depots';
import { NEEDS_PLACE } from '../../../web/src/io/import-orders';
import type { RowResult } from '../../../web/src/io/import-rows';
import { createPlacing, needsPlace, placeKey, readPlaceKey, sideAddress, waitingSides } from '../../../web/src/store/import-geocode';

const ANSWERS: Record<string, unknown[]> = {
  'sure st': [{ lat: '45.1', lon: '4.1', display_name: 'Sure St', importance: 0.7 }],
  'weak st': [{ lat: '45.2', lon: '4.2', display_name: 'Weak St', importance: 0.1 }],
  'twice st': [{ lat: '45.3', lon: '4.3', display_name: 'Twice St North', importance: 0.6 }, { lat: '45.4', lon: '4.4', display_name: 'Twice St South', importance: 0.5 }],
};
const ADDRESSES = ['sure st', 'weak st', 'twice st', 'lost st', 'sure st'];
const waiting = (index: number): RowResult<unknown> => ({ index, rowNumber: index + 2, value: null, issues: [{ field: 'lat/lng', column: null, message: NEEDS_PLACE }] });

function setup(url = 'https://geo.example/search') {
  const asked: string[] = [];
  const fakeFetch = (async (input: string) => {
    const q = new URL(input).searchParams.get('q') ?? '';
    asked.push(q);
    return new Response(JSON.stringify(ANSWERS[q] ?? []), { status: 200 });
  }) as unknown as typeof fetch;
  const placing = createRoot(() => createPlacing({
    rows: () => ADDRESSES.map((_, i) => waiting(i)),
    cells: (index) => [ADDRESSES[index]],
    targets: () => ['address'],
    settings: () => ({ url, intervalMs: 0 }),
    cache: memoryGeocodeCache(),
    fetch: fakeFetch,
  }));
  return { placing, asked };
}

describe('import placing', () => {
  it('places sure matches, reviews several or weak ones, leaves unknown addresses to the map', async () => {
    const { placing, asked } = setup();
    await placing.geocode();
    expect(asked).toEqual(['sure st', 'weak st', 'twice st', 'lost st']);
    const { placements, reviews, progress } = placing.state;
    expect(placements[0]).toEqual({ lat: 45.1, lng: 4.1, how: 'geocoded', label: 'Sure St' });
    expect(placements[4]).toEqual(placements[0]);
    expect(reviews[1].reason).toBe('a weak match (score 0.10 < 0.3)');
    expect(reviews[2].reason).toBe('2 places match');
    expect(reviews[3]).toEqual({ reason: 'the service found no place for this address', candidates: [] });
    expect(Object.keys(placements).sort()).toEqual(['0', '4']);
    expect(progress).toEqual({ running: false, done: 4, total: 4, message: null });
  });

  it('takes the candidate picked, or the place clicked, and settles the review', async () => {
    const { placing } = setup();
    await placing.geocode();
    placing.accept('2', 1);
    expect(placing.state.placements[2]).toEqual({ lat: 45.4, lng: 4.4, how: 'geocoded', label: 'Twice St South' });
    expect(placing.state.reviews[2]).toBeUndefined();
    placing.place('3', 45.5, 4.5);
    expect(placing.state.placements[3]).toEqual({ lat: 45.5, lng: 4.5, how: 'map' });
    expect(placing.state.reviews[3]).toBeUndefined();
    placing.accept('3', 0);
    expect(placing.state.placements[3].how).toBe('map');
  });

  it('says geocoding is off instead of sending anything', async () => {
    const { placing, asked } = setup('');
    await placing.geocode();
    expect(asked).toEqual([]);
    expect(placing.state.progress.message).toMatch(/Geocoding is off/);
  });

  it('stops at Cancel with what was found so far', async () => {
    const { placing, asked } = setup();
    const run = placing.geocode();
    placing.cancel();
    await run;
    expect(asked.length).toBeLessThanOrEqual(1);
    expect(placing.state.progress.running).toBe(false);
    expect(placing.state.progress.message).toMatch(/^Cancelled after [01] of 4\.$/);
  });

  it('gives a fleet row\'s place to every van of its start address; an order\'s only to its own row', () => {
    const starts = ['1200 NW Naito Pkwy', 'Main warehouse', '1200 NW Naito Pkwy', '1200 NW Naito Pkwy'];
    const van = (index: number): RowResult<unknown> => ({ index, rowNumber: index + 2, value: null, issues: [{ field: 'startDepot', column: 1, message: `${START_NEEDS_PLACE}, or write a depot's name (known: 'Hub')` }] });
    const make = (perAddress: boolean) => createRoot(() => createPlacing({
      rows: () => starts.map((_, i) => (i === 3 ? { index: 3, rowNumber: 5, value: {}, issues: [] } : van(i))),
      cells: (index) => [`Van ${index}`, starts[index]],
      targets: () => ['name', 'startDepot'],
      settings: () => ({ url: '', intervalMs: 0 }),
      cache: memoryGeocodeCache(),
      perAddress: () => perAddress,
    }));
    expect(needsPlace(van(0))).toBe(true);
    const fleet = make(true);
    fleet.place('2', 45.52, -122.67);
    // Rows 0 and 2 waited at that address; row 3 (already read at a depot) and row 1 (another start) are left alone.
    expect(Object.keys(fleet.state.placements).sort()).toEqual(['0', '2']);
    expect(fleet.state.placements[0]).toEqual({ lat: 45.52, lng: -122.67, how: 'map' });
    // Moving one of them moves both: one depot per address.
    fleet.place('0', 45.53, -122.68);
    expect([fleet.state.placements[0].lat, fleet.state.placements[2].lat]).toEqual([45.53, 45.53]);
    const orders = make(false);
    orders.place('2', 45.52, -122.67);
    expect(Object.keys(orders.state.placements)).toEqual(['2']);
  });

  it('keeps a fleet row\'s end at an address of its own apart from its start, and shares a place between a start and an end of one address', async () => {
    // Van 0 starts at the yard and ends at home; van 1 starts from van 0's home; van 2 starts and ends at the yard.
    const cells = [['Van 0', '1 Yard Rd', '7 Home Ln'], ['Van 1', '7 home ln', ''], ['Van 2', '1 Yard Rd', '1 Yard Rd']];
    const issue = (field: string) => ({ field, column: field === 'startDepot' ? 1 : 2, message: START_NEEDS_PLACE });
    const rows: RowResult<unknown>[] = [
      { index: 0, rowNumber: 2, value: null, issues: [issue('startDepot'), issue('endDepot')] },
      { index: 1, rowNumber: 3, value: null, issues: [issue('startDepot')] },
      { index: 2, rowNumber: 4, value: null, issues: [issue('startDepot')] },
    ];
    expect(rows.map(waitingSides)).toEqual([['start', 'end'], ['start'], ['start']]);
    expect(needsPlace(rows[0])).toBe(true);
    expect(placeKey(0, 'end')).toBe('0:end');
    expect(readPlaceKey('12:end')).toEqual({ index: 12, side: 'end' });
    expect(readPlaceKey('12')).toEqual({ index: 12, side: 'start' });
    expect(sideAddress(cells[0], ['name', 'startDepot', 'endDepot'], 'end')).toBe('7 Home Ln');
    const asked: string[] = [];
    const fakeFetch = (async (input: string) => {
      const q = new URL(input).searchParams.get('q') ?? '';
      asked.push(q);
      return new Response(JSON.stringify(q === '1 Yard Rd' ? [{ lat: '45.1', lon: '4.1', display_name: 'Yard', importance: 0.7 }] : []), { status: 200 });
    }) as unknown as typeof fetch;
    const fleet = createRoot(() => createPlacing({
      rows: () => rows, cells: (index) => cells[index], targets: () => ['name', 'startDepot', 'endDepot'],
      settings: () => ({ url: 'https://geo.example/search', intervalMs: 0 }), cache: memoryGeocodeCache(), fetch: fakeFetch, perAddress: () => true,
    }));
    await fleet.geocode();
    // One request per address, the end's among them ("7 home ln" is the same address: the batch asks once).
    expect(asked).toEqual(['1 Yard Rd', '7 Home Ln']);
    expect(Object.keys(fleet.state.placements).sort()).toEqual(['0', '2']);
    expect(Object.keys(fleet.state.reviews).sort()).toEqual(['0:end', '1']);
    // A click for van 0's end places van 1's start too (one address, whatever its case), and settles both reviews.
    fleet.place('0:end', 45.2, 4.2);
    expect(fleet.state.placements['0:end']).toEqual({ lat: 45.2, lng: 4.2, how: 'map' });
    expect(fleet.state.placements['1']).toEqual({ lat: 45.2, lng: 4.2, how: 'map' });
    expect(fleet.state.reviews).toEqual({});
    // Van 0's start stays at the yard.
    expect(fleet.state.placements['0'].lat).toBe(45.1);
  });

  it('tells a waiting row from other rows', () => {
    expect(needsPlace(waiting(0))).toBe(true);
    expect(needsPlace({ index: 0, rowNumber: 2, value: null, issues: [{ field: 'lat/lng', column: 2, message: 'coordinates are required (or an address to geocode or place on the map)' }] })).toBe(false);
  });
});
