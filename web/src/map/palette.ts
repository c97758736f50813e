// Route colours that stay readable from 3 to 150+ routes (issue #15): the first
// twelve are a categorical palette; past that, hues step by the golden angle (so
// consecutive routes land far apart on the colour wheel) with lightness and
// saturation cycling over three levels, and the unassigned red's hues are skipped.

/** The categorical colours of the first routes, kept apart from each other and from the unassigned red. */
export const ROUTE_COLORS = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#e377c2',
  '#17becf', '#bcbd22', '#393b79', '#637939', '#7b4173', '#3182bd',
] as const;

/** 360° / φ²: successive multiples spread evenly over the circle (Vogel's sunflower). */
const GOLDEN_ANGLE = 137.50776405003785;
/** Hues kept for the unassigned red: [345°, 360°) ∪ [0°, 15°). */
const RED_BAND = { from: 345, width: 30 };
/** [saturation %, lightness %] levels, cycled so that hue neighbours also differ in brightness. */
const TONES: readonly (readonly [number, number])[] = [[72, 42], [60, 58], [85, 32]];

const hex2 = (v: number) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0');

/** `#rrggbb` of an HSL colour (h in degrees, s and l in %). */
export function hslToHex(h: number, s: number, l: number): string {
  const sat = s / 100;
  const light = l / 100;
  const a = sat * Math.min(light, 1 - light);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    return 255 * (light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return `#${hex2(channel(0))}${hex2(channel(8))}${hex2(channel(4))}`;
}

/** Hue of the generated colour `n` (0-based), on the wheel without the red band. */
function generatedHue(n: number): number {
  // Spread on the whole circle (where the golden angle works), then squeeze into the arc past the red band.
  const turn = ((n + 1) * GOLDEN_ANGLE) % 360;
  return (RED_BAND.from + RED_BAND.width + (turn * (360 - RED_BAND.width)) / 360) % 360;
}

/**
 * Generated colours made so far, by `index - ROUTE_COLORS.length`. The map asks for a colour once per stop
 * and per line: at 10,000 stops, making each again was ~4 MB of short-lived strings and arrays per plan, garbage
 * whose collection landed in the tasks that show the plan (issue #15).
 */
const generated: string[] = [];

/** Colour of the route at `index` (the vehicle's position in the fleet). */
export function paletteColor(index: number): string {
  if (index < ROUTE_COLORS.length) return ROUTE_COLORS[index];
  const n = index - ROUTE_COLORS.length;
  const known = generated[n];
  if (known !== undefined) return known;
  const [s, l] = TONES[n % TONES.length];
  return (generated[n] = hslToHex(generatedHue(n), s, l));
}

/** CIELAB (D65) of a `#rrggbb` colour, for distance checks. */
export function hexToLab(hex: string): [number, number, number] {
  const lin = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [lin(1), lin(3), lin(5)];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** Perceptual distance (CIE76 ΔE) between two `#rrggbb` colours: about 2.3 is just noticeable. */
export function colorDistance(a: string, b: string): number {
  const [l1, a1, b1] = hexToLab(a);
  const [l2, a2, b2] = hexToLab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
