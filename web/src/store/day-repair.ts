// The day store's repair (issue #11): Repair proposes (the solver runs in its
// worker through the injected `propose`), Accept logs the proposal as a
// 'repair-applied' event, Discard drops it; auto-repair applies a repair by
// itself when a stop becomes at risk, each one logged as its own event.
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import type { DayRecord } from '../domain/day/day-schema';
import { deriveEventId, type DayEvent, type RepairAppliedEvent } from '../domain/day/events';
import type { Scenario } from '../domain/scenario';
import type { DayDerived } from './day-derive';
import type { KnownDay, RepairLevel, RepairProposal } from '../plan/repair';
import { checkRepair, checkRepairPaused, type RepairCheck } from '../plan/repair-plan';

/**
 * Proposes a repair of the day at `nowS` (plan/repair.ts proposeRepair with the worker's solve bound in); `known`:
 * the day as it stands when the store has it at `nowS` already.
 */
export type ProposeRepair = (scenario: Scenario, day: DayRecord, level: RepairLevel, nowS: number, known?: KnownDay) => Promise<RepairProposal>;

/** The repair part of the day store's state. */
export interface DayRepairState {
  readonly proposal: RepairProposal | null;
  /** A proposal is being computed. */
  readonly repairing: boolean;
  /** Apply a repair by itself when a stop becomes at risk. */
  readonly autoRepair: boolean;
}

/** Prefix of the id of a repair applied by auto-repair (the log shows it as automatic). */
export const AUTO_REPAIR_ID = 'auto:';
/** Level of automatic repairs. */
const AUTO_LEVEL: RepairLevel = 'free';

interface RepairDeps {
  scenario: Accessor<Scenario | null>;
  derived: Accessor<DayDerived | null>;
  now: Accessor<number>;
  append: (events: DayEvent[]) => void;
  say: (message: { tone: 'error' | 'info'; text: string } | null) => void;
  propose?: ProposeRepair;
  /** The day as it stands at `nowS` (its state and margin-rule prediction), when the store has it for `scenario`: else undefined. */
  known?: (scenario: Scenario, nowS: number) => KnownDay | undefined;
  /** Awaited before the proposal is checked (the page: a later task). */
  pause?: () => Promise<void>;
}

/** Creates the repair state and verbs; needs a reactive owner. */
export function createDayRepair(deps: RepairDeps) {
  const [proposal, setProposal] = createSignal<RepairProposal | null>(null);
  const [repairing, setRepairing] = createSignal(false);
  const [autoRepair, setAutoRepair] = createSignal(false);
  /** Log length a proposal was made for: a proposal for an older log is out of date. */
  let madeFor = -1;
  /** The independent check of the proposal made for that log (checkRepair), done as the proposal was made. */
  let checked: { proposal: RepairProposal; check: RepairCheck } | null = null;
  const logLength = () => deps.scenario()?.day?.events.length ?? -1;

  async function propose(level: RepairLevel): Promise<RepairProposal | null> {
    const scenario = deps.scenario();
    if (!scenario?.day) return null;
    if (!deps.propose) {
      deps.say({ tone: 'error', text: 'Repair is not available in this build.' });
      return null;
    }
    if (repairing()) return null;
    setRepairing(true);
    const length = scenario.day.events.length;
    try {
      const nowS = Math.round(deps.now() * 60);
      const known = deps.known?.(scenario, nowS);
      const result = await deps.propose(scenario, scenario.day, level, nowS, known);
      if (logLength() !== length) return null;
      // Checked now, before it is shown, its walks in tasks of their own: Accept then only logs it (at 10,000
      // orders the check at Accept was a task of 100-200 ms).
      const pause = deps.pause ?? (() => Promise.resolve());
      const check = await checkRepairPaused(scenario, scenario.day, result, { known: result.atS === nowS ? known : undefined }, pause);
      if (logLength() !== length) return null;
      checked = { proposal: result, check };
      madeFor = length;
      return result;
    } catch (error) {
      deps.say({ tone: 'error', text: `Repair failed: ${error instanceof Error ? error.message : String(error)}. The plan is unchanged.` });
      return null;
    } finally {
      setRepairing(false);
    }
  }

  /** Logs the proposal; the repaired day is re-checked independently (the checker's day walk) and the verdict said. */
  function log(p: RepairProposal, auto: boolean): boolean {
    const scenario = deps.scenario();
    const day = scenario?.day;
    if (!scenario || !day || madeFor !== day.events.length) {
      deps.say({ tone: 'error', text: 'The proposal is out of date (the log changed since): press Repair again.' });
      return false;
    }
    const draft = { type: 'repair-applied' as const, at: Math.max(p.atS / 60, ...day.events.map((e) => e.at)), routes: p.routes };
    const taken = new Set(day.events.map((e) => e.id));
    const id = `${auto ? AUTO_REPAIR_ID : ''}${deriveEventId(draft, taken)}`;
    const event: RepairAppliedEvent = { ...draft, id: taken.has(id) ? `${id}#${taken.size + 1}` : id };
    const check = checked?.proposal === p ? checked.check : checkRepair(scenario, day, p);
    deps.append([event]);
    setProposal(null);
    const verdict = check.ok
      ? 'the checker finds no broken rule in the rest of the day'
      : `the checker finds ${check.violations.length} broken rule(s) in the rest of the day: ${check.violations.slice(0, 3).map((v) => v.message).join('; ')}`;
    deps.say({ tone: check.ok ? 'info' : 'error', text: `${auto ? 'Auto-repair applied' : 'Repair applied'} (at risk ${p.diff.atRiskBefore} → ${p.diff.atRiskAfter}, ${p.diff.moved.length} moved); ${verdict}.` });
    return true;
  }

  // Self-healing: a stop newly at risk triggers a repair that is applied when it lowers the count at risk.
  const riskKeys = () => (deps.derived()?.atRisk ?? []).map((r) => `${r.vehicleId}/${r.orderId ?? ''}`);
  createEffect(on(riskKeys, (keys, previous) => {
    if (!autoRepair() || repairing() || !previous || !keys.some((k) => !previous.includes(k))) return;
    void propose(AUTO_LEVEL).then((p) => {
      if (!p) return;
      if (p.source === 'solver' && p.diff.atRiskAfter < p.diff.atRiskBefore) log(p, true);
    });
  }));

  return {
    state: {
      get proposal() { return proposal(); },
      get repairing() { return repairing(); },
      get autoRepair() { return autoRepair(); },
    } as DayRepairState,
    actions: {
      /** Computes a proposal at the clock's time; it waits for Accept or Discard. */
      async proposeRepair(level: RepairLevel): Promise<void> {
        const p = await propose(level);
        if (p) setProposal(p);
      },
      /** Logs the proposal as a 'repair-applied' event. */
      accept(): boolean {
        const p = proposal();
        return p ? log(p, false) : false;
      },
      discard(): void {
        setProposal(null);
      },
      setAutoRepair(on: boolean): void {
        setAutoRepair(on);
      },
    },
  };
}
