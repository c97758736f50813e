// Fixed examples of the table checker (check-rows.ts): text of the file's own must not count as an
// unclear message of the app's, whatever column it was in.
import { describe, expect, it } from 'vitest';
import { makeTable } from '../../web/src/io/csv';
import { makeMiniScenario } from '../fixtures/mini-scenario';
import { checkTableImport } from './check-rows';
import { unclearMessage } from './harness';

describe('checkTableImport', () => {
  // `npm run fuzz`, csv orders, FUZZ_SEED=5: row 13 had cells past the header, one of them the file's text '[object Object]'.
  it('does not judge the cells a long row quotes past the last column', () => {
    const table = makeTable([['Order id', 'Latitude', 'Longitude'], ['o9', '45.75', '4.85', "x'y", '[object Object]', '0']]);
    const outcome = checkTableImport(table, 'orders', makeMiniScenario(), 'append');
    expect(outcome).toEqual({ kind: 'rejected', message: table.warnings[0] });
  });

  it('still judges the wording of the warning itself', () => {
    const table = makeTable([['Order id', 'Latitude', 'Longitude'], ['o9', '45.75', '4.85']]);
    table.warnings.push('row 2 has undefined cells; cells past the last column are not imported: \'a\'');
    expect(() => checkTableImport(table, 'orders', makeMiniScenario(), 'append')).toThrow(/undefined/);
  });

  // `npm run fuzz`, csv orders, seed 1636053007: the title above the header quotes the file's cells “NaN”, “undefined”.
  it('does not judge the file\'s text quoted in a title warning', () => {
    const table = makeTable([['NaN'], ['undefined', '-1:00'], ['Order id', 'Latitude', 'Longitude'], ['o9', '45.75', '4.85']]);
    expect(table.warnings[0]).toMatch(/taken as the sheet's title and not imported: “NaN”, “undefined” “-1:00”$/);
    expect(unclearMessage(table.warnings[0])).toBeNull();
    expect(unclearMessage('row 2 has undefined cells: “x”')).toMatch(/undefined/);
  });
});
