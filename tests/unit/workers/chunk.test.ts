import { describe, expect, it } from 'vitest';
import { CHUNK_TARGET_MS, nextChunk } from '../../../workers/chunk';

describe('nextChunk', () => {
  it('aims one call at CHUNK_TARGET_MS when the limit is far', () => {
    expect(nextChunk(1000, 50, 10_000)).toBe(Math.round(1000 * (CHUNK_TARGET_MS / 50)));
  });
  it('grows at most fourfold per call', () => {
    expect(nextChunk(100, 1, 10_000)).toBe(400);
    expect(nextChunk(100, 0, 10_000)).toBe(400);
  });
  it('near the limit, aims at half the time left, so the last call ends before the limit', () => {
    // 1000 moves took 25 ms (40 moves/ms); 10 ms left: 5 ms worth.
    expect(nextChunk(1000, 25, 10)).toBe(200);
    expect(nextChunk(1000, 25, 0)).toBe(1);
    expect(nextChunk(1000, 25, -5)).toBe(1);
  });
});
