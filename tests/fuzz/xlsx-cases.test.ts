// Fixed examples of the .xlsx target: cases `npm run fuzz` found, replayed on every run.
import { describe, expect, it } from 'vitest';
import { makeMiniScenario } from '../fixtures/mini-scenario';
import { xlsxTarget } from './targets-table';

const twoDepots = () => {
  const s = makeMiniScenario();
  return { ...s, depots: [...s.depots, { id: 'depot-2', name: 'North', lat: 45.8, lng: 4.9, open: 0, close: 1440 }] };
};

describe('xlsx fixed cases', () => {
  // xlsx vehicles, FUZZ_SEED=10: flipped bytes made the reader throw "Cannot read properties of undefined (reading '0')".
  it('a damaged workbook is rejected with a clear message', async () => {
    const c = {
      spec: { kind: 'vehicles' as const, headers: ['Vehicle id', 'Shift start', 'Liftgate', 'Shift start', 'profile'], repeat: 1, rows: [['ID-30', '7 p.m.', 'x', '11/30/2026 9:00 AM', 'oHeX>MP'], ['v1', '24:00', 'x', '1 p.m.', 'n]', 'spill'], ['o1', '23:59 +1', 'yes', '24:00', 'b#'], ['o1', '8:02', 'no', '17:27', 'Infinity'], ['ID-1', '0:04', 'yes', '21:52', 'A*#*IYJVM$'], ['ID-1', '6 p.m.', '', '1000', '', 'spill']] },
      typing: [20, 0, 23, 29, 3, 26],
      raw: ['<c r="{ref}" t="n"><v>abc</v></c>', '<c r="{ref}" s="1"><v>1e10</v></c>', '<c r="{ref}" t="s"><v>-1</v></c>', null, '<c r="{ref}"><f>1+1</f><v>2</v></c>', null, '<c r="{ref}" t="s"><v>-1</v></c>', '<c r="{ref}" t="str"><v>=A1</v></c>', '<c r="{ref}" t="s"><v>99999</v></c>', '<c r="{ref}" t="b"><v>2</v></c>', '<c r="{ref}" t="e"><v>#DIV/0!</v></c>', '<c r="{ref}" s="7"><v>1</v></c>'],
      damage: 'flipped' as const, at: 0.3978266257663794, scenario: twoDepots(), mode: 'append' as const,
    };
    const outcome = await xlsxTarget('vehicles').run(c as never);
    expect(outcome.kind).toBe('rejected');
  });
});
