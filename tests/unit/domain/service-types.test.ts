// The service-type catalogue: DOMAIN.md defaults, user edits, order overrides
// and the resolution of amounts by pickup behaviour.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_TYPES, resolveOrder, suggestServiceMinutes, unassignedPenalty } from '../../../web/src/domain/service-types';
import { smallScenario } from '../../fixtures/small-scenario';

describe('service types', () => {
  it('ships the DOMAIN.md defaults', () => {
    expect(DEFAULT_SERVICE_TYPES['white-glove']).toMatchObject({ baseMinutes: 30, crewSize: 2, skills: ['white-glove'] });
    expect(DEFAULT_SERVICE_TYPES.installation).toMatchObject({ baseMinutes: 60, skills: ['installer'] });
    expect(DEFAULT_SERVICE_TYPES['room-of-choice']).toMatchObject({ baseMinutes: 15, crewSize: 2 });
    expect(DEFAULT_SERVICE_TYPES.curbside).toMatchObject({ baseMinutes: 5, crewSize: 1 });
  });

  it('resolves crew and skills from the type unless the order overrides them', () => {
    const s = smallScenario();
    const order = { ...s.orders[0], serviceType: 'white-glove' as const };
    expect(resolveOrder(s.settings, order)).toMatchObject({ crewSize: 2, skills: ['white-glove'], serviceS: 600 });
    expect(resolveOrder(s.settings, { ...order, crewSize: 3, skills: ['liftgate'] })).toMatchObject({ crewSize: 3, skills: ['liftgate'] });
  });

  it('uses an edited catalogue entry and suggests minutes per item', () => {
    const s = smallScenario();
    s.settings.serviceTypes = { curbside: { ...DEFAULT_SERVICE_TYPES.curbside, baseMinutes: 4, minutesPerItem: 2, crewSize: 2 } };
    expect(resolveOrder(s.settings, s.orders[1]).crewSize).toBe(2);
    expect(suggestServiceMinutes(s.settings, { serviceType: 'curbside', amounts: [40, 3] })).toBe(10);
    expect(suggestServiceMinutes(s.settings, { serviceType: 'installation', amounts: [40, 3] })).toBe(60);
  });

  it('resolves delivered and collected amounts by pickup behaviour', () => {
    const s = smallScenario();
    const o = s.orders[0]; // amounts [30, 1]
    expect(resolveOrder(s.settings, { ...o, serviceType: 'haul-away' })).toMatchObject({ delivery: [30, 1], pickup: [30, 1] });
    expect(resolveOrder(s.settings, { ...o, serviceType: 'haul-away', pickupAmounts: [50, 1] })).toMatchObject({ delivery: [30, 1], pickup: [50, 1] });
    expect(resolveOrder(s.settings, { ...o, serviceType: 'return' })).toMatchObject({ delivery: [0, 0], pickup: [30, 1] });
    expect(resolveOrder(s.settings, o)).toMatchObject({ delivery: [30, 1], pickup: [0, 0] });
  });

  it('raises the priority of a re-delivery and prices unassigned orders by priority', () => {
    const s = smallScenario();
    const needs = resolveOrder(s.settings, { ...s.orders[0], serviceType: 're-delivery', priority: 9, failedOrderId: 'A-0' });
    expect(needs.priority).toBe(10);
    expect(unassignedPenalty(s.settings, 0)).toBeLessThan(unassignedPenalty(s.settings, 10));
  });
});
