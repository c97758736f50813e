// Route colours at fleet scale (issue #15): neighbours stay apart, no repeats, the unassigned red stays unique.
import { describe, expect, it, vi } from 'vitest';
import { colorDistance, hslToHex, paletteColor, ROUTE_COLORS } from '../../../web/src/map/palette';
import { UNASSIGNED_COLOR } from '../../../web/src/map/projection';

const FLEET = 200;
const colors = Array.from({ length: FLEET }, (_, i) => paletteColor(i));

describe('route palette', () => {
  it('keeps the categorical colours for the first twelve routes', () => {
    expect(colors.slice(0, ROUTE_COLORS.length)).toEqual([...ROUTE_COLORS]);
  });

  it('gives 200 routes 200 different colours', () => {
    expect(new Set(colors).size).toBe(FLEET);
    for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('keeps consecutive routes far apart (CIE76 ΔE ≥ 25, a clearly different colour)', () => {
    const gaps = colors.slice(1).map((c, i) => colorDistance(colors[i], c));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(25);
  });

  it('keeps any two routes within five places of each other distinguishable (ΔE ≥ 12)', () => {
    let min = Infinity;
    for (let i = 0; i < FLEET; i++) for (let j = i + 1; j <= i + 5 && j < FLEET; j++) min = Math.min(min, colorDistance(colors[i], colors[j]));
    expect(min).toBeGreaterThanOrEqual(12);
  });

  it('keeps every route colour away from the unassigned red (ΔE ≥ 15)', () => {
    expect(Math.min(...colors.map((c) => colorDistance(c, UNASSIGNED_COLOR)))).toBeGreaterThanOrEqual(15);
  });

  it('gives a route the same colour whatever order the colours are asked in (they are made once and kept)', async () => {
    vi.resetModules();
    const fresh = await import('../../../web/src/map/palette');
    const backwards = Array.from({ length: FLEET }, (_, i) => fresh.paletteColor(FLEET - 1 - i)).reverse();
    expect(backwards).toEqual(colors);
    expect(Array.from({ length: FLEET }, (_, i) => fresh.paletteColor(i))).toEqual(colors);
  });

  it('converts HSL like CSS does', () => {
    expect(hslToHex(0, 100, 50)).toBe('#ff0000');
    expect(hslToHex(120, 100, 25)).toBe('#008000');
    expect(hslToHex(240, 100, 50)).toBe('#0000ff');
    expect(hslToHex(0, 0, 100)).toBe('#ffffff');
    expect(colorDistance('#000000', '#ffffff')).toBeCloseTo(100, 0);
  });
});
