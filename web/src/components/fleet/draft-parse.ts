// Text of the vehicle and order forms read back into numbers, times and lists.
// A reader collects one issue per bad field, named by the form's label, and
// never throws: the form keeps what was typed and shows why it is not saved.
import type { FieldIssue } from '../../domain/validate-entity';

/** What a blank number input means: no value (`undefined`), no limit (`null`), or a mistake. */
export type Blank = 'absent' | 'none' | 'required';

/** Minutes since midnight → "08:05" (hours run on past 24 for a shift into the night). */
export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "8:05", "08:05", "0805" or "24:00" → minutes since midnight, or null. */
export function parseTime(text: string): number | null {
  const m = /^(\d{1,2}):?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [hours, minutes] = [Number(m[1]), Number(m[2])];
  return minutes < 60 ? hours * 60 + minutes : null;
}

/** "a, b ,, a" → ["a", "b"]: trimmed, without blanks or repeats. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

/** A list as the form shows it. */
export function formatList(items: readonly string[] | undefined): string {
  return (items ?? []).join(', ');
}

/** A number as the form shows it; absent or null = blank. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Reads form text field by field, collecting issues named by label. */
export class DraftReader {
  readonly issues: FieldIssue[] = [];

  /** Records a problem of one field. */
  fail(field: string, label: string, message: string): void {
    this.issues.push({ field, label, message });
  }

  /** A time "HH:MM"; NaN (and an issue) when unreadable. */
  time(text: string, field: string, label: string): number {
    const minutes = parseTime(text);
    if (minutes !== null) return minutes;
    this.fail(field, label, text.trim() ? 'type a time as HH:MM, e.g. 08:30' : 'enter a time as HH:MM');
    return Number.NaN;
  }

  /** A number; a blank input gives `undefined` (absent) or `null` (none), or an issue (required). */
  number(text: string, field: string, label: string, blank: 'required'): number;
  number(text: string, field: string, label: string, blank: 'absent'): number | undefined;
  number(text: string, field: string, label: string, blank: 'none'): number | null;
  number(text: string, field: string, label: string, blank: Blank): number | null | undefined {
    const trimmed = text.trim().replace(/\s/g, '');
    if (!trimmed) {
      if (blank === 'required') this.fail(field, label, 'enter a number');
      return blank === 'none' ? null : blank === 'absent' ? undefined : Number.NaN;
    }
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
    this.fail(field, label, `'${text.trim()}' is not a number`);
    return Number.NaN;
  }

  /** Issues of the schema check, except on fields this reader already found unreadable. */
  merge(schemaIssues: readonly FieldIssue[]): FieldIssue[] {
    const bad = new Set(this.issues.map((i) => i.field));
    const labels = new Set(this.issues.map((i) => i.label));
    return [...this.issues, ...schemaIssues.filter((i) => !bad.has(i.field) && !labels.has(i.label))];
  }
}

/** `base` itself when no item of `taken` has it, else `base-2`, `base-3`… */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A lower-case id made of the text's letters and digits ("Van 7" → "van-7"). */
export function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
