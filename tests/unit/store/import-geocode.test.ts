// Placing import rows without coordinates: a sure match places the row, several
// or weak matches wait for the user's pick, an address nobody knows waits for a
// map click; one request per distinct address; geocoding off says so; a map
// click settles a review; Cancel keeps what was found and says where it stopped.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { memoryGeocodeCache } from '../../../web/src/io/geocode-batch';
import { NEEDS_PLACE } from '../../../web/src/io/import-orders';
import type { RowResult } from '../../../web/src/io/import-rows';
import { createPlacing, needsPlace } from '../../../web/src/store/import-geocode';

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
    placing.accept(2, 1);
    expect(placing.state.placements[2]).toEqual({ lat: 45.4, lng: 4.4, how: 'geocoded', label: 'Twice St South' });
    expect(placing.state.reviews[2]).toBeUndefined();
    placing.place(3, 45.5, 4.5);
    expect(placing.state.placements[3]).toEqual({ lat: 45.5, lng: 4.5, how: 'map' });
    expect(placing.state.reviews[3]).toBeUndefined();
    placing.accept(3, 0);
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

  it('tells a waiting row from other rows', () => {
    expect(needsPlace(waiting(0))).toBe(true);
    expect(needsPlace({ index: 0, rowNumber: 2, value: null, issues: [{ field: 'lat/lng', column: 2, message: 'coordinates are required (or an address to geocode or place on the map)' }] })).toBe(false);
  });
});
