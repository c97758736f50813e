// Customer messages over the stores (issue #13): the situation follows the plan in
// Plan mode and the live day in Day mode, a logged message is saved in the
// scenario without staling its plan, and in Day mode it carries the day's clock.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../web/src/domain/validate';
import { createDayStore } from '../../../web/src/store/day';
import { makeMessages } from '../../../web/src/store/messages';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

const NOW = new Date('2026-11-21T06:30:00.000Z');

function setup() {
  let dispose = () => {};
  const stores = createRoot((d) => {
    dispose = d;
    const scenario = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const day = createDayStore(scenario);
    return { scenario, day, messages: makeMessages({ scenario, day }, () => NOW) };
  });
  return { ...stores, dispose };
}

describe('messages over the stores', () => {
  it('reads the plan in Plan mode and the day in Day mode', () => {
    const { scenario: [s], day: [, dayActions, clock], messages, dispose } = setup();
    const orderId = s.scenario!.orders[0].id;
    expect(messages.situation(orderId)).toMatchObject({ status: 'planned', dispatched: false });
    expect(messages.compose(orderId, 'day-before')?.body).toContain(`order ${orderId}`);
    clock.set(7 * 60);
    expect(dayActions.dispatch()).toBe(true);
    expect(messages.situation(orderId)).toMatchObject({ status: 'planned', dispatched: true });
    expect(dayActions.addEvent({ type: 'done', order: orderId })).toBe(true);
    expect(messages.situation(orderId)).toMatchObject({ status: 'done', dispatched: true, leftAt: 7 * 60 });
    expect(messages.situation('nope')).toBeNull();
    dispose();
  });

  it('logs a message in the scenario (saved, valid) without touching the revision or the plan', () => {
    const { scenario: [s], messages, dispose } = setup();
    const orderId = s.scenario!.orders[0].id;
    const revision = s.scenario!.revision;
    const changes = s.changes;
    messages.log(orderId, 'day-before', 'sms', 'Hello & welcome 🚚');
    expect(s.scenario!.messageLog).toEqual([{ orderId, kind: 'day-before', channel: 'sms', at: NOW.toISOString(), text: 'Hello & welcome 🚚' }]);
    expect(messages.logOf(orderId)).toHaveLength(1);
    expect(messages.logOf('other')).toEqual([]);
    expect(s.changes).toBe(changes + 1);
    expect(s.scenario!.revision).toBe(revision);
    expect(s.planStatus).toBe('valid');
    expect(validateScenario(JSON.parse(JSON.stringify(s.scenario))).ok).toBe(true);
    dispose();
  });

  it("stamps a message sent in Day mode with the day's clock", () => {
    const { scenario: [s], day: [, dayActions, clock], messages, dispose } = setup();
    const orderId = s.scenario!.orders[0].id;
    clock.set(7 * 60);
    dayActions.dispatch();
    clock.set(9 * 60 + 32.5);
    messages.log(orderId, 'on-the-way', 'copy', 'x');
    expect(s.scenario!.messageLog?.[0]).toMatchObject({ channel: 'copy', dayMinutes: 9 * 60 + 32 });
    dispose();
  });

  it('searches the day\'s orders in Day mode, the scenario\'s otherwise', () => {
    const { scenario: [s], messages, dispose } = setup();
    const first = s.scenario!.orders[0];
    expect(messages.search(first.id).map((o) => o.id)[0]).toBe(first.id);
    expect(messages.search('no such order')).toEqual([]);
    expect(messages.atRiskOrderIds()).toEqual([]);
    dispose();
  });
});
