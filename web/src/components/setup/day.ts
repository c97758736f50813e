// The plan's day: how the header writes it (the shared formatDate), and the check of a typed date
// (the date inputs give YYYY-MM-DD, or nothing while the date is incomplete).

/** "2026-11-21" → "Sat, 21 Nov 2026" (the text itself when it is not a date): the shared formatter. */
export { formatDate as formatDay } from '../ui/format';

/** Why `text` is not a day (YYYY-MM-DD of a real calendar date), or null when it is one. */
export function dateProblem(text: string): string | null {
  const value = text.trim();
  if (!value) return 'pick a day (YYYY-MM-DD)';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `'${value}' is not a date: write it as YYYY-MM-DD`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return `'${value}' is not a day of the calendar`;
  return null;
}

/** Why `text` cannot name a scenario, or null. */
export function nameProblem(text: string): string | null {
  return text.trim() ? null : 'type a name for the scenario';
}
