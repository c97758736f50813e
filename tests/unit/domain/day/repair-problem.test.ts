// The rest-of-the-day problem on the hand-computed route of repair-start.test.ts:
// Van 1 drives hub → A → B → C (B free at 09:25 after A done 08:20 and a 45-min delay).
import { describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import { predictDay } from '../../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { buildRepairProblem, type RepairProblemOptions } from '../../../../web/src/domain/day/repair-problem';
import { repairStarts } from '../../../../web/src/domain/day/repair-start';
import { roadDistanceM } from '../../../../web/src/domain/geo';
import { makeLegFn } from '../../../../web/src/domain/travel';
import type { Scenario } from '../../../../web/src/domain/scenario';
import type { Route, StepType } from '../../../../web/src/domain/solution';
import { validateScenario } from '../../../../web/src/domain/validate';
import { smallScenario } from '../../../fixtures/small-scenario';

const H = (h: number, m = 0, s = 0) => h * 3600 + m * 60 + s;
const at = (h: number, m = 0) => h * 60 + m;
const step = (type: StepType, id: string, t = H(7)) => ({ type, id, arrivalS: t, waitS: 0, serviceS: 0, departureS: t, distanceM: 0, load: [0, 0] });
/** A dispatched route: only step types, ids and the start's departure matter to the day. */
const route = (vehicleId: string, stops: [StepType, string][], departS = H(7)): Route => ({
  vehicleId, steps: [step('start', 'hub', departS), ...stops.map(([t, id]) => step(t, id, departS)), step('end', 'hub', departS)], distanceM: 0, durationS: 0, drivingS: 0, waitingS: 0, serviceS: 0, cost: 0,
});
let n = 0;
const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;
const doneA = () => [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'delay', vehicle: 'v1', at: at(8, 30), minutes: 45 })];

function problem(s: Scenario, events: DayEvent[], now: number, options: RepairProblemOptions = { keepVehicle: false }, stops: [StepType, string][] = [['job', 'A'], ['job', 'B'], ['job', 'C']]) {
  // v2 leaves at 10:00: before then it has not left and a repair may still re-plan it.
  const plan = { routes: [route('v1', stops), route('v2', [['job', 'D']], H(10))], unassigned: [{ orderId: 'E', reason: '' }] };
  const state = deriveDayState(s, plan, events);
  const prediction = predictDay(s, state, now);
  const starts = repairStarts(s, state, prediction);
  return { starts, p: buildRepairProblem(s, state, prediction, starts, options) };
}
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('buildRepairProblem', () => {
  it('starts a mid-day vehicle at a depot of its own where it is free, from its free time (whole minutes, rounded up)', () => {
    const s = smallScenario();
    const { p, starts } = problem(s, doneA(), at(8, 40));
    const v1 = p.scenario.vehicles.find((v) => v.id === 'v1')!;
    const depot = p.scenario.depots.find((d) => d.id === v1.startDepotId)!;
    expect(depot.id).toBe('v1@free');
    expect([depot.lat, depot.lng]).toEqual([s.orders[1].lat, s.orders[1].lng]);
    expect(starts[0].from.timeS).toBe(H(9, 25));
    expect(v1.shift).toEqual({ start: at(9, 25), end: 1080 });
    expect(v1.endDepotId).toBe('hub');
    // v2 has not left and is not due: it starts at the hub, not before its planned departure (the day walks it from there).
    const v2 = p.scenario.vehicles.find((v) => v.id === 'v2')!;
    expect([v2.startDepotId, v2.shift.start]).toEqual(['hub', at(10)]);
    expect(validateScenario(p.scenario).ok).toBe(true);
  });

  it('leaves out done and frozen orders; keeps the tail, other routes and unassigned orders', () => {
    const { p } = problem(smallScenario(), doneA(), at(8, 40));
    expect(ids(p.scenario.orders).sort()).toEqual(['C', 'D', 'E']);
    expect(p.home).toEqual([{ orderId: 'C', vehicleId: 'v1' }, { orderId: 'D', vehicleId: 'v2' }]);
  });

  it('pins deliveries on board to their vehicle; keep-vehicle pins every tail order; excluded orders stay out', () => {
    const free = problem(smallScenario(), doneA(), at(8, 40)).p;
    expect(free.pins).toEqual([{ orderId: 'C', vehicleId: 'v1' }]);
    const keep = problem(smallScenario(), doneA(), at(8, 40), { keepVehicle: true, exclude: ['E'] }).p;
    expect(keep.pins).toEqual([{ orderId: 'C', vehicleId: 'v1' }, { orderId: 'D', vehicleId: 'v2' }]);
    expect(ids(keep.scenario.orders)).not.toContain('E');
  });

  it('reduces stops, duration, driving and distance limits by what the frozen prefix used', () => {
    const s = smallScenario();
    s.vehicles[0].limits = { maxStops: 10, maxDurationMinutes: 600, maxDrivingMinutes: 300, maxDistanceKm: 100 };
    const { p } = problem(s, doneA(), at(8, 40));
    const limits = p.scenario.vehicles.find((v) => v.id === 'v1')!.limits!;
    // Frozen A and B; left the hub at 07:00 (planned), free at 09:25: 145 min used.
    expect(limits.maxStops).toBe(8);
    expect(limits.maxDurationMinutes).toBe(600 - 145);
    // Legs hub → A 1168 s and A → B 228 s: 1396 s, so 276 whole minutes are left of 300.
    expect(limits.maxDrivingMinutes).toBe(276);
    const km = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => roadDistanceM(a.lng, a.lat, b.lng, b.lat, 1.3) / 1000;
    expect(limits.maxDistanceKm).toBeCloseTo(100 - km(s.depots[0], s.orders[0]) - km(s.orders[0], s.orders[1]), 6);
  });

  it('counts the working time up to the minute the rest of the day starts, and makes the duration limit a latest return', () => {
    const s = smallScenario();
    s.vehicles[0].limits = { maxDurationMinutes: 600 };
    // v1 left at 07:00:30; A done at 08:20, then a 45-minute delay from 08:30:10: free at B at 09:25:10.
    const events = () => [ev({ type: 'departed', vehicle: 'v1', at: at(7) + 0.5 }), ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'delay', vehicle: 'v1', at: at(8, 30) + 10 / 60, minutes: 45 })];
    const v1 = () => problem(s, events(), at(8, 40)).p.scenario.vehicles.find((v) => v.id === 'v1')!;
    expect(problem(s, events(), at(8, 40)).starts[0].from.timeS).toBe(H(9, 25, 10));
    // The rest of the day starts at 09:26: out since 07:00:30, 145.5 min are worked by then, so 454 whole minutes are left (not 455).
    expect(v1().shift.start).toBe(at(9, 26));
    expect(v1().limits!.maxDurationMinutes).toBe(454);
    // The solver may delay a departure to save waiting and count from there; the van cannot: back by 09:26 + 454 min.
    expect(v1().shift.end).toBe(at(9, 26) + 454);
    // A limit past the shift's end is left to the shift; one inside its overtime shortens the overtime.
    s.vehicles[0].limits = { maxDurationMinutes: 690 };
    s.vehicles[0].overtime = { maxMinutes: 60, costPerMinute: 1 };
    expect([v1().shift.end, v1().overtime]).toEqual([1080, { maxMinutes: 30, costPerMinute: 1 }]);
    s.vehicles[0].limits = { maxDurationMinutes: 720 };
    expect([v1().shift.end, v1().overtime]).toEqual([1080, { maxMinutes: 60, costPerMinute: 1 }]);
    expect(validateScenario(problem(s, events(), at(8, 40)).p.scenario).ok).toBe(true);
  });

  it('removes a break taken in the frozen prefix and one whose windows closed; keeps one still possible', () => {
    const s = smallScenario();
    s.vehicles[0].breaks = [
      { id: 'coffee', timeWindows: [{ start: 420, end: 600 }], minutes: 10 },
      { id: 'early', timeWindows: [{ start: 420, end: 450 }], minutes: 10 },
      { id: 'lunch', timeWindows: [{ start: 690, end: 780 }], minutes: 30 },
    ];
    const { p } = problem(s, doneA(), at(8, 40), { keepVehicle: false }, [['job', 'A'], ['break', 'coffee'], ['job', 'B'], ['job', 'C'], ['break', 'lunch']]);
    expect(ids(p.scenario.vehicles.find((v) => v.id === 'v1')!.breaks!)).toEqual(['lunch']);
  });

  it('reduces the free capacity by what is on board and not delivered by the tail (collected goods)', () => {
    const s = smallScenario();
    s.orders[0].pickupAmounts = [15, 0];
    const { p } = problem(s, doneA(), at(8, 40));
    // A collected 15 kg; B (frozen) and C (tail) are on board: the solver reloads C at its start.
    expect(p.scenario.vehicles.find((v) => v.id === 'v1')!.capacity).toEqual([85, 5]);
  });

  it('a delivery on board whose every window closed before the vehicle is free takes room all day: it cannot be planned, so its goods stay', () => {
    const s = smallScenario();
    s.orders[0].pickupAmounts = [15, 0];
    const c = s.orders.find((o) => o.id === 'C')!;
    c.timeWindows = [{ start: 480, end: 540 }];
    // v1 is free at 09:25: C's window closed at 09:00, so C's 20 kg and 1 item stay on board.
    expect(problem(s, doneA(), at(8, 40)).p.scenario.vehicles.find((v) => v.id === 'v1')!.capacity).toEqual([65, 4]);
    // With 30 minutes of allowed lateness it can still be served until 09:30: the solver reloads it as before.
    c.lateness = { maxMinutes: 30, costPerMinute: 1 };
    expect(problem(s, doneA(), at(8, 40)).p.scenario.vehicles.find((v) => v.id === 'v1')!.capacity).toEqual([85, 5]);
  });

  it('carryOnBoard: the vehicle\'s deliveries on board deliver nothing in the problem and everything on board takes room', () => {
    const s = smallScenario();
    s.orders[0].pickupAmounts = [15, 0];
    const c = s.orders.find((o) => o.id === 'C')!;
    c.serviceType = 'haul-away';
    const { p } = problem(s, doneA(), at(8, 40), { keepVehicle: false, carryOnBoard: ['v1'] });
    // On board at 09:25: A's collected 15 kg and C's 20 kg, 1 item: all of it takes room, all day.
    expect(p.scenario.vehicles.find((v) => v.id === 'v1')!.capacity).toEqual([65, 4]);
    const pc = p.scenario.orders.find((o) => o.id === 'C')!;
    // C still delivers in truth and still collects what a haul-away collects (its delivered goods by default).
    expect([pc.amounts, pc.pickupAmounts]).toEqual([[0, 0], [20, 1]]);
    expect(p.initial.find((r) => r.vehicleId === 'v1')!.stops).toEqual([{ orderId: 'C' }]);
    // v2 is not named: its room and D are as they were; the caller's orders are untouched.
    expect(p.scenario.vehicles.find((v) => v.id === 'v2')!.capacity).toEqual([100, 5]);
    expect(p.scenario.orders.find((o) => o.id === 'D')!.amounts).toEqual(s.orders.find((o) => o.id === 'D')!.amounts);
    expect(c.amounts).toEqual([20, 1]);
    expect(validateScenario(p.scenario).ok).toBe(true);
  });

  it('an unavailable vehicle takes no stops: its tail is handed over, unpinned', () => {
    const events = [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'unavailable', vehicle: 'v1', at: at(8, 30), lat: 45.75, lng: 4.84, reason: 'breakdown' })];
    const { p } = problem(smallScenario(), events, at(8, 40));
    expect(ids(p.scenario.vehicles)).toEqual(['v2']);
    expect(ids(p.scenario.orders).sort()).toEqual(['B', 'C', 'D', 'E']);
    expect(p.pins).toEqual([]);
  });

  it('a shipment whose pickup is frozen becomes a job (its delivery) pinned to the vehicle carrying it', () => {
    const s = smallScenario();
    s.orders[2].pickup = { lat: 45.75, lng: 4.85, address: 'Shop', timeWindows: [], serviceMinutes: 5 };
    const events = [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'done', order: 'C', stop: 'pickup', at: at(8, 40) })];
    const { p } = problem(s, events, at(8, 45), { keepVehicle: false }, [['job', 'A'], ['pickup', 'C'], ['job', 'B'], ['delivery', 'C']]);
    const c = p.scenario.orders.find((o) => o.id === 'C')!;
    expect(c.pickup).toBeUndefined();
    expect(p.deliveryOnly).toEqual(['C']);
    expect(p.pins).toContainEqual({ orderId: 'C', vehicleId: 'v1' });
  });

  it('a shipment collected by a vehicle that becomes unavailable is not handed over: its goods are on that vehicle', () => {
    const s = smallScenario();
    s.orders[2].pickup = { lat: 45.75, lng: 4.85, address: 'Shop', timeWindows: [], serviceMinutes: 5 };
    const events = [ev({ type: 'done', order: 'A', at: at(8, 20) }), ev({ type: 'done', order: 'C', stop: 'pickup', at: at(8, 40) }),
      ev({ type: 'unavailable', vehicle: 'v1', at: at(8, 42), lat: 45.75, lng: 4.84, reason: 'breakdown' })];
    const { p } = problem(s, events, at(8, 45), { keepVehicle: false }, [['job', 'A'], ['pickup', 'C'], ['job', 'B'], ['delivery', 'C']]);
    expect(ids(p.scenario.orders).sort()).toEqual(['B', 'D', 'E']);
    expect(p.home.map((h) => h.orderId)).not.toContain('C');
  });
  it('adds the service overrun reported for a stop not yet served to its service minutes, as the day walk does; a shipment\'s on its side', () => {
    const s = smallScenario();
    s.orders[2].pickup = { lat: 45.75, lng: 4.85, address: 'Shop', timeWindows: [], serviceMinutes: 5 };
    const base = (id: string) => s.orders.find((o) => o.id === id)!;
    const events = [...doneA(), ev({ type: 'service-overran', order: 'D', at: at(8, 35), minutes: 25 }), ev({ type: 'service-overran', order: 'A', at: at(8, 10), minutes: 10 }),
      ev({ type: 'service-overran', order: 'C', stop: 'pickup', at: at(8, 36), minutes: 7 }), ev({ type: 'service-overran', order: 'C', stop: 'pickup', at: at(8, 37), minutes: 3 })];
    const { p } = problem(s, events, at(8, 40), { keepVehicle: false }, [['job', 'A'], ['job', 'B'], ['pickup', 'C'], ['delivery', 'C']]);
    const order = (id: string) => p.scenario.orders.find((o) => o.id === id)!;
    expect(order('D').serviceMinutes).toBe(base('D').serviceMinutes + 25);
    expect(order('C').pickup!.serviceMinutes).toBe(15);
    expect(order('C').serviceMinutes).toBe(base('C').serviceMinutes);
    expect(order('E').serviceMinutes).toBe(base('E').serviceMinutes);
    // The caller's scenario is untouched; the problem is a valid scenario.
    expect(base('D').serviceMinutes).not.toBe(order('D').serviceMinutes);
    expect(validateScenario(p.scenario).ok).toBe(true);
  });

  it('past its shift\'s end a vehicle keeps only the overtime left, from the real clock; with none left its shift ends where it starts', () => {
    const s = smallScenario();
    s.vehicles[1].overtime = { maxMinutes: 60, costPerMinute: 1 };
    // v2 left at 10:00 as planned; reaching D at the clock (18:20) it is free at 18:40, past its shift's end (18:00): 20 min of overtime remain.
    const v2 = (now: number) => problem(s, doneA(), now).p.scenario.vehicles.find((v) => v.id === 'v2')!;
    expect(problem(s, doneA(), at(18, 20)).starts.find((x) => x.vehicleId === 'v2')!.from.timeS).toBe(H(18, 40));
    expect([v2(at(18, 20)).shift, v2(at(18, 20)).overtime]).toEqual([{ start: at(18, 40), end: at(18, 40) }, { maxMinutes: 20, costPerMinute: 1 }]);
    expect([v2(at(19, 10)).shift, v2(at(19, 10)).overtime]).toEqual([{ start: at(19, 30), end: at(19, 30) }, undefined]);
    expect(validateScenario(problem(s, doneA(), at(19, 10)).p.scenario).ok).toBe(true);
  });

  it('an idle vehicle given a route by a repair leaves when the repair is accepted, not at its shift start', () => {
    const s = smallScenario();
    const plan = { routes: [route('v1', [['job', 'A'], ['job', 'B']])], unassigned: [{ orderId: 'C', reason: '' }, { orderId: 'D', reason: '' }, { orderId: 'E', reason: '' }] };
    const repairAt = at(15, 30) + 0.5;
    const events = [ev({ type: 'repair-applied', at: repairAt, routes: [{ vehicle: 'v2', stops: [{ type: 'job', id: 'E' }] }] })];
    const state = deriveDayState(s, plan, events);
    expect(state.routes.find((r) => r.vehicleId === 'v2')!.plannedDepartS).toBe(H(15, 31));
    const v2 = predictDay(s, state, at(16)).routes.find((r) => r.vehicleId === 'v2')!;
    // Driven from the depot at 15:31 (not from 07:00, reaching E at the clock having worked all day).
    expect(v2.departS).toBe(H(15, 31));
    const legS = makeLegFn(s, s.vehicles[1])(s.depots[0], s.orders.find((o) => o.id === 'E')!).durationS;
    expect(legS).toBeGreaterThan(0);
    expect(v2.stops[0].arrivalS).toBe(Math.max(H(16), H(15, 31) + legS));
    expect(v2.violations.filter((v) => v.rule === 'max-duration' || v.rule === 'shift')).toEqual([]);
    // A delay reported while v2 stood idle is spent at the depot: over before it leaves, it holds nothing;
    // running past the repair, v2 leaves when it ends (not held on its way back).
    const walked = (delay: DayEvent) => predictDay(s, deriveDayState(s, plan, [delay, ...events]), at(16)).routes.find((r) => r.vehicleId === 'v2')!;
    const past = walked(ev({ type: 'delay', vehicle: 'v2', at: at(13), minutes: 52 }));
    expect([past.departS, past.endS]).toEqual([v2.departS, v2.endS]);
    const running = walked(ev({ type: 'delay', vehicle: 'v2', at: at(15), minutes: 60 }));
    expect(running.departS).toBe(H(16));
    expect(running.stops[0].arrivalS).toBe(H(16) + legS);
    // Left at 14:00 with nothing to drive and delayed 57 min at 14:10: once sent out, the delay is spent too.
    const left = (extra: DayEvent[]) => predictDay(s, deriveDayState(s, plan, [ev({ type: 'departed', vehicle: 'v2', at: at(14) }), ...extra, ...events]), at(16)).routes.find((r) => r.vehicleId === 'v2')!;
    expect(left([ev({ type: 'delay', vehicle: 'v2', at: at(14, 10), minutes: 57 })]).endS).toBe(left([]).endS);
    // The rest-of-the-day problem starts an idle vehicle when its delay is over too.
    const idleState = deriveDayState(s, plan, [ev({ type: 'delay', vehicle: 'v2', at: at(15), minutes: 60 })]);
    const starts = repairStarts(s, idleState, predictDay(s, idleState, at(15, 30)));
    expect(starts.find((x) => x.vehicleId === 'v2')!.from.timeS).toBe(H(16));
  });

  it('with a margin, prices the last minutes of each order\'s window for the solver; without, keeps the windows', () => {
    const s = smallScenario();
    const plain = problem(s, doneA(), at(8, 40)).p;
    expect(plain.scenario.orders.find((o) => o.id === 'C')!.timeWindows).toEqual([{ start: 540, end: 780 }]);
    expect(plain.scenario.orders.find((o) => o.id === 'C')!.lateness).toBeUndefined();
    const shaped = problem(s, doneA(), at(8, 40), { keepVehicle: false, margin: { marginMinutes: 15, costPerMinute: 2 } }).p;
    const c = shaped.scenario.orders.find((o) => o.id === 'C')!;
    expect(c.timeWindows).toEqual([{ start: 540, end: 765 }]);
    expect(c.lateness).toEqual({ maxMinutes: 15, costPerMinute: 2 });
    // The caller's scenario is untouched.
    expect(s.orders.find((o) => o.id === 'C')!.timeWindows).toEqual([{ start: 540, end: 780 }]);
    expect(validateScenario(shaped.scenario).ok).toBe(true);
    // An order named in `unshaped` (a stop at risk now) keeps its whole window.
    const kept = problem(s, doneA(), at(8, 40), { keepVehicle: false, margin: { marginMinutes: 15, costPerMinute: 2 }, unshaped: ['C'] }).p;
    expect(kept.scenario.orders.find((o) => o.id === 'C')!.timeWindows).toEqual([{ start: 540, end: 780 }]);
    expect(kept.scenario.orders.find((o) => o.id === 'D')!.timeWindows).toEqual([{ start: 600, end: 885 }]);
  });
});
