// "2-person" in a skills column is a crew size, not a skill no crew has: read so
// on orders and on vehicles, and said in the review.
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { crewSizeWord, splitCrewWords } from '../../../web/src/io/cell-parse';
import { crewWordLines, skillWarnings } from '../../../web/src/io/import-checks';
import { mergeIntoScenario } from '../../../web/src/io/import-rows';
import { issueLines, readCsvText } from '../../helpers/import-table';

const withHub: Scenario = { ...makeBlankScenario('b', 'Blank', '2026-12-09'), depots: [{ id: 'hub', name: 'Hub', lat: 41.83, lng: -87.72, open: 0, close: 1440 }] };

describe('crew sizes in words', () => {
  it('reads the usual ways of writing a crew size, and nothing else', () => {
    expect(['2-person', '2 Person', 'two-man', 'Two Man Lift', '3 people', '2-man crew', '2 Mann', 'deux personnes', '2_person', '1-man'].map(crewSizeWord))
      .toEqual([2, 2, 2, 2, 3, 2, 2, 2, 2, 1]);
    expect(['liftgate', 'white-glove', 'foreman', 'salesman', '2', 'person', 'handyman', '0-person', 'installer'].map(crewSizeWord))
      .toEqual([null, null, null, null, null, null, null, null, null]);
    expect(splitCrewWords(['2-person', 'liftgate', '3 people'])).toEqual({ skills: ['liftgate'], crewSize: 3 });
    expect(splitCrewWords(['liftgate'])).toEqual({ skills: ['liftgate'], crewSize: undefined });
  });

  it('an order needing "2-person; liftgate" needs a crew of 2 and the liftgate; a larger crew size column wins', async () => {
    const { rows, table, ctx } = await readCsvText([
      'Order,Lat,Lng,Skills,Crew size',
      'A1,41.9,-87.7,2-person; liftgate,',
      'A2,41.9,-87.7,2-person,3',
      'A3,41.9,-87.7,liftgate,',
      'A4,41.9,-87.7,,',
    ].join('\n'), withHub, 'orders');
    expect(issueLines(rows)).toEqual([]);
    const orders = rows.map((r) => r.value as Order);
    expect(orders.map((o) => [o.id, o.crewSize, o.skills])).toEqual([
      ['A1', 2, ['liftgate']], ['A2', 3, []], ['A3', undefined, ['liftgate']], ['A4', undefined, undefined],
    ]);
    expect(crewWordLines(table, ctx.targets, 'order')).toEqual(['“2-person” in Skills: a crew of 2, not a skill (2 orders)']);
  });

  it('a vehicle whose skills say "2-man" has a crew of 2; the orders needing two find it', async () => {
    const { rows } = await readCsvText('Truck,Start depot,Skills\nT1,hub,"white-glove, 2-man"\nT2,hub,white-glove\n', withHub, 'vehicles');
    const fleet = rows.map((r) => r.value as Vehicle);
    expect(fleet.map((v) => [v.id, v.crew])).toEqual([['T1', { size: 2, skills: ['white-glove'] }], ['T2', { size: 1, skills: ['white-glove'] }]]);
    const orders = await readCsvText('Order,Lat,Lng,Skills\nA1,41.9,-87.7,2-person\n', { ...withHub, vehicles: fleet }, 'orders');
    const after = mergeIntoScenario({ ...withHub, vehicles: fleet }, 'orders', 'append', orders.rows.map((r) => r.value as Order));
    // Before, "2-person" was a skill no vehicle has: every such order was left out of the plan.
    expect(skillWarnings(after)).toEqual([]);
  });
});
