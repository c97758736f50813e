import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKey, blockUrl, fetchRoadMatrix, RoutingError, splitBlocks, validateBlock, type BlockCache, type RoadMatrix } from '../../../web/src/io/osrm-table';
import { startOsrmStub, stubDistanceM, stubDurationS, type OsrmStub } from '../../helpers/osrm-stub';

const places = [
  { lat: 45.75, lng: 4.85 }, { lat: 45.76, lng: 4.84 }, { lat: 45.77, lng: 4.83 },
  { lat: 45.74, lng: 4.86 }, { lat: 45.78, lng: 4.88 },
];
const at = (i: number): [number, number] => [Number(places[i].lng.toFixed(5)), Number(places[i].lat.toFixed(5))];

function mapCache(): BlockCache & { map: Map<string, RoadMatrix> } {
  const map = new Map<string, RoadMatrix>();
  return { map, get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v) };
}

describe('splitBlocks', () => {
  it('covers an n × n matrix exactly once with blocks of at most the given side', () => {
    const blocks = splitBlocks(5, 2);
    expect(blocks).toHaveLength(9);
    const seen = new Map<string, number>();
    for (const b of blocks) {
      expect(b.rows).toBeLessThanOrEqual(2);
      expect(b.cols).toBeLessThanOrEqual(2);
      for (let i = 0; i < b.rows; i++) for (let j = 0; j < b.cols; j++) seen.set(`${b.from + i},${b.to + j}`, (seen.get(`${b.from + i},${b.to + j}`) ?? 0) + 1);
    }
    expect(seen.size).toBe(25);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    expect(blocks[8]).toEqual({ from: 4, rows: 1, to: 4, cols: 1 });
  });
  it('keeps one block when the matrix fits, and refuses a bad size', () => {
    expect(splitBlocks(3, 100)).toEqual([{ from: 0, rows: 3, to: 0, cols: 3 }]);
    expect(splitBlocks(0, 10)).toEqual([]);
    expect(() => splitBlocks(3, 0)).toThrow(/block size/);
  });
});

describe('blockUrl and blockKey', () => {
  it('lists sources then destinations of an off-diagonal block, with their indices', () => {
    const url = blockUrl('http://h:1/', 'driving', places, { from: 0, rows: 2, to: 2, cols: 3 });
    expect(url).toBe('http://h:1/table/v1/driving/4.85000,45.75000;4.84000,45.76000;4.83000,45.77000;4.86000,45.74000;4.88000,45.78000?annotations=duration,distance&sources=0;1&destinations=2;3;4');
  });
  it('sends the places of a diagonal block once', () => {
    const url = blockUrl('http://h', 'car', places, { from: 0, rows: 2, to: 0, cols: 2 });
    expect(url).toContain('/car/4.85000,45.75000;4.84000,45.76000?');
    expect(url).toContain('sources=0;1&destinations=0;1');
  });
  it('keys a block by service, profile and rounded coordinates', () => {
    const URL = 'http://localhost:5000';
    const b = { from: 0, rows: 1, to: 1, cols: 1 };
    expect(blockKey(URL, 'driving', places, b)).not.toBe(blockKey(URL, 'cycling', places, b));
    // Another service's answer for the same profile is not this one's; a trailing slash is the same service.
    expect(blockKey('http://trucks.example:5000', 'driving', places, b)).not.toBe(blockKey(URL, 'driving', places, b));
    expect(blockKey(`${URL}/`, 'driving', places, b)).toBe(blockKey(URL, 'driving', places, b));
    const nudged = [{ lat: 45.750001, lng: 4.850001 }, places[1]];
    expect(blockKey(URL, 'driving', nudged, b)).toBe(blockKey(URL, 'driving', places, b));
  });
});

describe('validateBlock', () => {
  const block = { from: 3, rows: 1, to: 5, cols: 2 };
  it('accepts an Ok answer of the right shape', () => {
    expect(validateBlock({ code: 'Ok', durations: [[1, 2]], distances: [[10, 20]] }, block)).toEqual({ durationsS: [[1, 2]], distancesM: [[10, 20]] });
  });
  it('refuses a code other than Ok with its message', () => {
    expect(() => validateBlock({ code: 'InvalidQuery', message: 'no' }, block)).toThrow('the routing service refused the request: InvalidQuery (no)');
  });
  it('names the wrong row or cell of a malformed answer', () => {
    expect(() => validateBlock({ code: 'Ok', durations: [[1]], distances: [[1, 2]] }, block)).toThrow("'durations[0]' must be an array of 2 values");
    expect(() => validateBlock({ code: 'Ok', durations: [[1, 2]], distances: [[1, 'x']] }, block)).toThrow("'distances[0][1]' must be a number ≥ 0 or null");
    expect(() => validateBlock({ code: 'Ok', durations: [[1, 2]] }, block)).toThrow("'distances' must be an array of 1 rows");
    expect(() => validateBlock('nope', block)).toThrow(RoutingError);
  });
  it('names the pair a null cell leaves without a road', () => {
    const label = (i: number) => `order O-${i}`;
    expect(() => validateBlock({ code: 'Ok', durations: [[1, null]], distances: [[1, 2]] }, block, label)).toThrow('no road from order O-3 to order O-6');
  });
});

describe('fetchRoadMatrix against the local OSRM stub', () => {
  let stub: OsrmStub;
  beforeAll(async () => { stub = await startOsrmStub(); });
  afterAll(async () => { await stub.close(); });

  it('assembles the blocks into the full matrix with progress', async () => {
    const progress: [number, number][] = [];
    const m = await fetchRoadMatrix(places, { url: stub.url, profile: 'driving', blockSize: 2, onProgress: (d, t) => progress.push([d, t]) });
    for (let i = 0; i < places.length; i++) {
      for (let j = 0; j < places.length; j++) {
        expect(m.durationsS[i][j]).toBe(stubDurationS(at(i), at(j)));
        expect(m.distancesM[i][j]).toBe(stubDistanceM(at(i), at(j)));
      }
    }
    expect(m.durationsS[0][4]).toBeGreaterThan(0);
    expect(progress).toEqual([[0, 9], [1, 9], [2, 9], [3, 9], [4, 9], [5, 9], [6, 9], [7, 9], [8, 9], [9, 9]]);
  });

  it('reads a second fetch of the same places from the cache', async () => {
    const cache = mapCache();
    const before = stub.requests();
    const first = await fetchRoadMatrix(places, { url: stub.url, profile: 'driving', blockSize: 3, cache });
    expect(stub.requests() - before).toBe(4);
    expect(cache.map.size).toBe(4);
    const second = await fetchRoadMatrix(places, { url: stub.url, profile: 'driving', blockSize: 3, cache });
    expect(stub.requests() - before).toBe(4);
    expect(second).toEqual(first);
    await fetchRoadMatrix(places, { url: stub.url, profile: 'cycling', blockSize: 3, cache });
    expect(stub.requests() - before).toBe(8);
  });

  it("never answers one service's request from another service's cached blocks", async () => {
    const other = await startOsrmStub();
    try {
      const cache = mapCache();
      await fetchRoadMatrix(places, { url: stub.url, profile: 'driving', blockSize: 3, cache });
      const before = other.requests();
      await fetchRoadMatrix(places, { url: other.url, profile: 'driving', blockSize: 3, cache });
      expect(other.requests() - before).toBe(4);
      expect(cache.map.size).toBe(8);
    } finally {
      await other.close();
    }
  });

  it('stops at Cancel with the abort error', async () => {
    const controller = new AbortController();
    const run = fetchRoadMatrix(places, { url: stub.url, profile: 'x', blockSize: 1, signal: controller.signal, onProgress: (d) => { if (d === 2) controller.abort(); } });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('says clearly when the service cannot be reached', async () => {
    const gone = await startOsrmStub();
    const url = gone.url;
    await gone.close();
    await expect(fetchRoadMatrix(places, { url, profile: 'driving' })).rejects.toThrow(`the routing service at ${url} cannot be reached`);
  });
});
