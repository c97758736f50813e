// Reads CSV text the way the import dialog does (kind guessed from the headers,
// columns auto-matched, yes/no vehicle columns taken as features, time formats
// detected), so io tests exercise the dialog's own functions without a store.
import type { Scenario } from '../../web/src/domain/scenario';
import { autoMatch, detectFlagColumns, detectTimeFormat, fieldsFor, type ImportKind, type TimeFormat } from '../../web/src/io/column-map';
import { parseCsv, withoutTotals } from '../../web/src/io/csv';
import { guessKind, readTable, type RowContext } from '../../web/src/io/import-rows';

/** The table, the context it was read in, and what was read. */
export async function readCsvText(text: string, scenario: Scenario, kind?: ImportKind, idPrefix = 'file') {
  const table = withoutTotals(await parseCsv(text));
  const as = kind ?? guessKind(table.headers);
  const fields = fieldsFor(as, scenario.settings.capacityUnits);
  const matched = autoMatch(table.headers, fields);
  const targets = as === 'vehicles' ? detectFlagColumns(table.headers, table.rows, matched) : matched;
  const timeFormats: Record<number, TimeFormat> = {};
  targets.forEach((target, column) => {
    if (fields.find((f) => f.key === target)?.format === 'time') timeFormats[column] = detectTimeFormat(table.headers[column], table.rows.map((r) => r[column]));
  });
  const ctx: RowContext = {
    kind: as, targets, timeFormats, capacityUnits: scenario.settings.capacityUnits, existingIds: new Set(), idPrefix,
    depots: scenario.depots, settings: scenario.settings,
  };
  return { table, ctx, ...readTable(table, ctx) };
}

/** "row N, field: message" for every issue, to compare in one assertion. */
export function issueLines(rows: { rowNumber: number; issues: { field: string; message: string }[] }[]): string[] {
  return rows.flatMap((r) => r.issues.map((i) => `row ${r.rowNumber}, ${i.field}: ${i.message}`));
}
