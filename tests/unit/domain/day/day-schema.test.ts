import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../../web/src/domain/day/day-schema';
import { smallScenario } from '../../../fixtures/small-scenario';
import { buildRoute } from '../../../helpers/build-route';

function record() {
  const s = smallScenario();
  const solution = { routes: [buildRoute(s, 'v1', ['A', 'B'])], unassigned: [{ orderId: 'C', reason: 'capacity' }], summary: { cost: 1 } };
  return {
    dispatchedAt: 415,
    dispatchedPlan: { solvedRevision: 3, solution },
    events: [
      { type: 'done', id: 'done:A@08:05', at: 485, order: 'A' },
      { type: 'delay', id: 'd1', at: 500, vehicle: 'v1', minutes: 20 },
    ],
    settings: { riskMarginMinutes: 10 },
  };
}
const paths = (r: ReturnType<typeof parseDay>) => (r.ok ? [] : r.issues.map((i) => `${(i.path ?? []).map((p) => p.key).join('.')}: ${i.message}`));

describe('day schema (proposal)', () => {
  it('accepts a stored day and keeps it as it is through JSON', () => {
    const day = record();
    const r = parseDay(JSON.parse(JSON.stringify(day)));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.day).toEqual(day);
  });

  it('settings are optional', () => {
    const { settings: _, ...day } = record();
    expect(parseDay(day).ok).toBe(true);
  });

  it('names the path of a bad event, a duplicate event id and a bad plan step', () => {
    const day = record();
    day.events.push({ type: 'done', id: 'd1', at: 510, order: 'B' });
    (day.events[0] as Record<string, unknown>).at = '08:05';
    (day.dispatchedPlan.solution.routes[0].steps[1] as unknown as Record<string, unknown>).type = 'teleport';
    const found = paths(parseDay(day));
    expect(found).toContain('events.0.at: must be minutes of the day');
    expect(found).toContain('dispatchedPlan.solution.routes.0.steps.1.type: unknown step type');
    const dup = record();
    dup.events.push({ type: 'done', id: 'd1', at: 510, order: 'B' });
    expect(paths(parseDay(dup))).toEqual(["events.2: event id 'd1' is used twice"]);
  });
});
