// How every figure is written for a dispatcher, in one place so that every panel,
// the map, the manifest and the explanations agree: thousands separators on every
// count, cost and distance, durations as h:mm, clock times as 08:05, and plurals.
// Pure: no DOM, no locale of the machine (always "1,234.5"), so tests and screens match.

const LOCALE = 'en-US';
const MINUS = '−';
/**
 * One number format per digit count: `toLocaleString` with options builds a new Intl.NumberFormat on every
 * call (about a millisecond each on a slow machine), which made a screenful of timeline tooltips a long task (issue #15).
 */
const formats = new Map<number, Intl.NumberFormat>();
const grouped = (n: number, digits: number) => {
  let format = formats.get(digits);
  if (!format) formats.set(digits, (format = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(n);
};
/** A signed figure with a true minus sign (never "-0"). */
const signed = (n: number, digits: number) => {
  const text = grouped(Math.abs(n), digits);
  return n < 0 && Number(text.replace(/,/g, '')) !== 0 ? `${MINUS}${text}` : text;
};

/** Seconds since midnight → "08:05" (days beyond the first add "+1"). */
export function formatClock(seconds: number): string {
  const totalMinutes = Math.floor(seconds / 60);
  const day = Math.floor(totalMinutes / 1440);
  const minutes = totalMinutes - day * 1440;
  const text = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return day > 0 ? `${text} +${day}` : text;
}

/** Minutes since midnight → "08:05". */
export function formatDayMinutes(minutes: number): string {
  return formatClock(minutes * 60);
}

/** ISO day "2026-11-21" → "Sat, 21 Nov 2026" (an unreadable date is shown as given). */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Whole number with thousands separators: 5000 → "5,000". */
export function formatCount(n: number): string {
  return signed(Math.round(n), 0);
}

/** `n` things with the noun in the right number: "1 order", "5,000 orders", "2 crews". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${Math.round(n) === 1 ? singular : pluralForm}`;
}

/** A plan's or a route's cost in whole cost units: "3,989". */
export function formatCost(cost: number): string {
  return signed(Math.round(cost), 0);
}

/** A change of cost, to the cent, always signed: "+12.40", "−3.10", "±0.00". */
export function formatCostDelta(delta: number): string {
  const rounded = Math.round(delta * 100) / 100;
  if (rounded === 0) return '±0.00';
  return `${rounded > 0 ? '+' : MINUS}${grouped(Math.abs(rounded), 2)}`;
}

/** Metres → kilometres with one decimal and separators, no unit: "12,345.6" (for columns headed "Km"). */
export function formatKmValue(metres: number): string {
  return signed(metres / 1000, 1);
}

/** Metres → "12,345.6 km". */
export function formatKm(metres: number): string {
  return `${formatKmValue(metres)} km`;
}

/** A duration in seconds → "h:mm", rounded to the minute: "0:05", "6:35", "26:05", "−0:20". */
export function formatHm(seconds: number): string {
  const total = Math.round(Math.abs(seconds) / 60);
  const text = `${formatCount(Math.floor(total / 60))}:${String(total % 60).padStart(2, '0')}`;
  return seconds < 0 && total > 0 ? `${MINUS}${text}` : text;
}

/** A duration in whole minutes → "h:mm" (shifts, limits, overtime). */
export function formatHmMinutes(minutes: number): string {
  return formatHm(minutes * 60);
}

/** A short span in seconds, to the minute: "12 min" (waits, service, lateness). */
export function formatMinutes(seconds: number): string {
  return `${formatCount(Math.round(seconds / 60))} min`;
}

/** Milliseconds → "2.4 s". */
export function formatElapsed(ms: number): string {
  return `${grouped(ms / 1000, 1)} s`;
}

/** A share 0..1 → "97.5 %", never rounded up to 100 % while anything is missing. */
export function formatShare(share: number): string {
  return `${grouped(Math.floor(share * 1000) / 10, 1).replace(/\.0$/, '')} %`;
}

/** A plan's cost with the unassigned orders apart: "3,989 · 2 unassigned (penalty 20,000)". */
export function formatPlanCost(figures: { cost: number; unassigned: number; penalty: number }): string {
  return withUnassigned(formatCost(figures.cost), figures);
}

/** A plan's km with the unassigned orders apart: "1,723.6 · 2 unassigned (penalty 20,000)". */
export function formatPlanKm(figures: { distanceM: number; unassigned: number; penalty: number }): string {
  return withUnassigned(formatKmValue(figures.distanceM), figures);
}

function withUnassigned(figure: string, figures: { unassigned: number; penalty: number }): string {
  if (figures.unassigned === 0) return figure;
  return `${figure} · ${formatCount(figures.unassigned)} unassigned (penalty ${formatCost(figures.penalty)})`;
}
