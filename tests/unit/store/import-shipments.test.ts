// A UK shipments sheet ("Collection …" and "Delivery …" columns) imports as
// pickup-and-delivery orders through the import session, with no mapping by hand:
// before, its collection coordinates became the delivery place and the delivery
// columns were kept as custom fields.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createImportStore } from '../../../web/src/store/import';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

describe('import of a shipments sheet', () => {
  it('reads collection columns as the pickup and delivery columns as the order', async () => {
    const { scenario: [open], importer: [state, actions] } = createRoot((dispose) => {
      disposers.push(dispose);
      const scenario = createScenarioStore(makeMiniScenario());
      return { scenario, importer: createImportStore({ scenario, openScenario: vi.fn(async () => {}) }) };
    });
    const csv = [
      'Job Ref,Customer,Collection Address,Collection Lat,Collection Lng,Collection Window,Delivery Address,Delivery Lat,Delivery Lng,Delivery Window,Weight (kg)',
      'J-1,Ada Shop,1 Mill Lane,45.70,4.80,08:00-10:00,9 Rue Centrale,45.76,4.84,11:00-13:00,40',
      'J-2,Bo Cafe,2 Dock Road,45.72,4.82,09:00-11:00,3 Quai Sud,45.74,4.86,12:00-15:00,12.5',
    ].join('\n');
    actions.start();
    await actions.loadFile(new File([csv], 'jobs.csv', { type: 'text/csv' }));
    actions.review();
    expect(state.invalid).toEqual([]);
    await actions.commit();
    const j1 = open.scenario!.orders.find((o) => o.id === 'J-1')!;
    expect({ lat: j1.lat, lng: j1.lng, address: j1.address, windows: j1.timeWindows, amount: j1.amounts[0] })
      .toEqual({ lat: 45.76, lng: 4.84, address: '9 Rue Centrale', windows: [{ start: 660, end: 780 }], amount: 40 });
    expect(j1.pickup).toMatchObject({ lat: 45.7, lng: 4.8, address: '1 Mill Lane', timeWindows: [{ start: 480, end: 600 }] });
    expect(open.scenario!.orders.find((o) => o.id === 'J-2')!.pickup).toMatchObject({ lat: 45.72, lng: 4.82 });
  });
});
