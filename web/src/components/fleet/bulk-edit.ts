// Bulk edit of one column over many vehicles or orders: the column's inputs are
// written into each selected item's form draft, which is read back and
// validated exactly as the form would be, so a value that one item cannot take
// is refused for all, naming the item and the field.
import type { FieldIssue } from '../../domain/validate-entity';

/** One input of a bulk column, over a form draft `D`. */
export interface BulkField<D> {
  /** The form's label of the field ("Shift start", "Capacity (kg)"). */
  label: string;
  /** Choices for a select (value, text); absent = a text input. */
  choices?: readonly (readonly [string, string])[];
  read(draft: D): string;
  write(draft: D, text: string): void;
}

/** A column the user may set on every selected row at once. */
export interface BulkColumn<D> {
  name: string;
  fields: BulkField<D>[];
  /** Shown under the inputs, e.g. "Blank = no limit". */
  hint?: string;
}

/** How items become drafts and back (the form's own conversion). */
export interface DraftCodec<E, D> {
  toDraft(item: E): D;
  fromDraft(draft: D, originalId: string): { value: E | null; issues: FieldIssue[] };
  nameOf(item: E): string;
}

/** An issue of a bulk change; `item` names the row when the issue is not on the column's own inputs. */
export type BulkIssue = FieldIssue & { item?: string };

/** The outcome: every changed item by id, or the issues that refuse the change. */
export interface BulkResult<E> {
  changed: Map<string, E>;
  issues: BulkIssue[];
}

/**
 * Sets `values` (one per field of `column`) on every item. Issues on the
 * column's own fields are listed once; others name the item ("Van 2: …").
 */
export function applyBulk<E extends { id: string }, D>(items: readonly E[], column: BulkColumn<D>, values: readonly string[], codec: DraftCodec<E, D>): BulkResult<E> {
  const changed = new Map<string, E>();
  const seen = new Set<string>();
  const issues: BulkIssue[] = [];
  const own = new Set(column.fields.map((f) => f.label));
  for (const item of items) {
    const draft = codec.toDraft(item);
    column.fields.forEach((field, i) => field.write(draft, values[i] ?? ''));
    const result = codec.fromDraft(draft, item.id);
    if (result.value) changed.set(item.id, result.value);
    for (const issue of result.issues) {
      const shown: BulkIssue = own.has(issue.label) ? issue : { ...issue, message: `${codec.nameOf(item)}: ${issue.message}`, item: codec.nameOf(item) };
      const key = `${shown.label}\u0000${shown.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(shown);
    }
  }
  return { changed: issues.length ? new Map() : changed, issues };
}

/** A text field over a string key of the draft. */
export function textField<D>(label: string, key: { [K in keyof D]: D[K] extends string ? K : never }[keyof D], choices?: BulkField<D>['choices']): BulkField<D> {
  return {
    label,
    choices,
    read: (d) => d[key] as string,
    write: (d, text) => { (d as Record<typeof key, string>)[key] = text; },
  };
}
