import { createRoot } from 'solid-js';
import { it, vi } from 'vitest';
import { createImportStore } from '../../../web/src/store/import';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';

async function walk(name: string, csv: string) {
  const { importer: [state, actions] } = createRoot(() => {
    const store = createScenarioStore(makeMiniScenario());
    return { importer: createImportStore({ scenario: store, openScenario: vi.fn(async () => {}) }) };
  });
  actions.start();
  await actions.loadFile(new File([csv], name, { type: 'text/csv' }));
  actions.review();
  console.log(`== ${name}: ${state.table!.headers.map((h, i) => `${h}→${state.targets[i]}`).join(' | ')}`);
  console.log('  valid', state.validCount, 'invalid', state.invalid.map((r) => `row ${r.rowNumber}: ${r.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`));
  const n = state.notices;
  console.log('  notices', JSON.stringify({ kept: n.kept, units: n.units, shipments: n.shipments, serviceWords: n.serviceWords }));
}
it('probe', async () => {
  await walk('onfleet.csv', ['Recipient_Name,Recipient_Phone,Recipient_Notes,Address_Line1,Address_Line2,City/Town,State/Province,Postal_Code,Country,Latitude,Longitude,Task_Details,Pickup,Complete_After,Complete_Before,Quantity,Service_Time',
    'Ann,5035550101,Gate 4,12 Main St,,Lyon,,69001,FR,45.76,4.84,Sofa,false,12/10/2026 09:00,12/10/2026 12:00,1,15',
    'Shop,5035550102,,1 Shop St,,Lyon,,69002,FR,45.75,4.83,Sofa,true,12/10/2026 08:00,12/10/2026 10:00,1,5'].join('\n'));
  await walk('circuit.csv', ['Address Line 1,Address Line 2,City,State,Zip,Country,Notes,Recipient Name,Phone,Email,Package Count,Products,Seller Order ID,Time at Stop,Earliest Time,Latest Time,Stop Type,Driver',
    '12 Main St,,Lyon,,69001,France,,Ann,0600,,2,Sofa,S-1,5,09:00,12:00,delivery,Bob',
    '1 Shop St,,Lyon,,69002,France,,Shop,0601,,2,Sofa,S-1,5,08:00,10:00,pickup,Bob'].join('\n'));
  await walk('route4me.csv', ['Address,Alias,Latitude,Longitude,Time Window Start,Time Window End,Service Time,Weight,Cube,Pieces,Revenue,Priority,Customer PO',
    '12 Main St Lyon,Ann,45.76,4.84,09:00,12:00,300,20,1.5,2,100,1,PO1'].join('\n'));
});
