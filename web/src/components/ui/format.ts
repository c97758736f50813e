// Display formatting shared by the panel and the map: clock times, distances,
// durations and money, written the way a dispatcher reads them.

/** Seconds since midnight → "08:05" (days beyond the first add "+1"). */
export function formatClock(seconds: number): string {
  const totalMinutes = Math.floor(seconds / 60);
  const day = Math.floor(totalMinutes / 1440);
  const minutes = totalMinutes % 1440;
  const text = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return day > 0 ? `${text} +${day}` : text;
}

/** Minutes since midnight → "08:05". */
export function formatDayMinutes(minutes: number): string {
  return formatClock(minutes * 60);
}

/** Metres → "12.3 km". */
export function formatKm(metres: number): string {
  return `${(metres / 1000).toFixed(1)} km`;
}

/** Seconds → "3 h 05 min" or "42 min". */
export function formatHours(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Milliseconds → "2.4 s". */
export function formatElapsed(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Cost units → "1,234.50". */
export function formatCost(cost: number): string {
  return cost.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Integer with thousands separators. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en');
}

/** Seconds → "6:35" (hours:minutes), for dense tables. */
export function formatHm(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
