// Size maths of a POD photo: scaled down to fit 1280 px, never up, aspect kept.
import { describe, expect, it } from 'vitest';
import { fitWithin, PHOTO_MAX_SIDE } from '../../../../web/src/domain/driver/image-size';

describe('fitWithin', () => {
  it('shrinks a landscape camera picture so its long side is 1280', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1280, height: 960 });
  });
  it('shrinks a portrait picture by its height', () => {
    expect(fitWithin(3000, 4000)).toEqual({ width: 960, height: 1280 });
  });
  it('leaves a picture that already fits as it is (never scales up)', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(PHOTO_MAX_SIDE, 10)).toEqual({ width: PHOTO_MAX_SIDE, height: 10 });
  });
  it('keeps a very thin picture at least one pixel high', () => {
    expect(fitWithin(100_000, 10)).toEqual({ width: 1280, height: 1 });
  });
  it('keeps the aspect ratio within a pixel for any size', () => {
    for (const [w, h] of [[1281, 721], [5000, 3333], [2000, 2000], [1, 9999]]) {
      const out = fitWithin(w, h, 640);
      expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(640);
      expect(Math.abs(out.width / out.height - w / h) * out.height).toBeLessThanOrEqual(1);
    }
  });
  it('refuses a size that is not positive', () => {
    expect(() => fitWithin(0, 10)).toThrow(/must be positive/);
    expect(() => fitWithin(Number.NaN, 10)).toThrow(/must be positive/);
  });
});
