// The edit aggregate: hand edits of the plan (drag a stop, Move to…), their live
// preview (feasibility and cost from the independent checker), the confirmation
// an infeasible edit needs, and undo/redo over whole-plan snapshots. Any other
// plan change (a solve) is recorded too, so it can be undone like an edit, and so
// is every data edit (depots, vehicles, orders, date) as a whole-scenario snapshot.
import { isProvisional } from './provisional';
import { createEffect, on, untrack } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import type { Plan } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { makeMoveEvaluator, type MoveOutcome, type MoveTarget } from '../plan/move';
import { EditHistory, restorePlan, type Entry } from './edit-history';
import type { PinsStore } from './pins';
import type { ScenarioStore } from './scenario';

/** What the preview badge and the confirmation dialog show about one evaluated edit. */
export interface MovePreview {
  orderId: string;
  vehicleId: string | null;
  position: number;
  feasible: boolean;
  costDelta: number;
  /** Messages of the violations the edit would add. */
  problems: string[];
}

interface EditFields {
  undoCount: number;
  redoCount: number;
  /** Order being dragged, or null. */
  dragging: string | null;
  /** Evaluation of the drop target under the pointer, while dragging. */
  preview: MovePreview | null;
  /** An edit that breaks rules, waiting for the dispatcher's explicit yes or no. */
  pending: MovePreview | null;
}

/** Read-only view of the edit store. */
export type EditState = Readonly<EditFields>;

/** Verbs for hand edits; components never set edit state directly. */
export interface EditActions {
  startDrag(orderId: string): void;
  /** The pointer is over `target` (null: over nothing that accepts a drop). */
  hover(target: MoveTarget | null): void;
  /** Drops the dragged order on the hovered target (feasible: applied; else asks for confirmation). */
  drop(): void;
  endDrag(): void;
  /** Evaluates a move without applying it (Move to… controls). */
  evaluate(orderId: string, target: MoveTarget): MovePreview | null;
  /** Applies a feasible move at once; an infeasible one waits in `pending` for confirmation. */
  requestMove(orderId: string, target: MoveTarget): 'applied' | 'confirm' | 'none';
  confirmPending(): void;
  cancelPending(): void;
  undo(): void;
  redo(): void;
}

/** The edit store as `[state, actions]`. */
export type EditStore = [state: EditState, actions: EditActions];

const toPreview = (o: MoveOutcome): MovePreview => ({
  orderId: o.orderId, vehicleId: o.vehicleId, position: o.position, feasible: o.feasible,
  costDelta: o.costDelta, problems: o.introduced.map((v) => v.message),
});

/** Creates the edit store over the scenario's plan; needs a reactive owner. */
export function createEditStore([scenarioState, scenarioActions]: ScenarioStore, [, pinsActions]: PinsStore): EditStore {
  const [state, setState] = createStore<EditFields>({ undoCount: 0, redoCount: 0, dragging: null, preview: null, pending: null });
  const history = new EditHistory();
  const { past, future } = history;
  /** A data edit or a restore is under way: its plan change is not a separate step. */
  let dataChange = false;
  /** The solution this store put in place itself; any other is an outside change. */
  let applied: Solution | null = null;
  let outcome: MoveOutcome | null = null;
  let pendingOutcome: MoveOutcome | null = null;
  // Every data edit counts in `dataChanges` (a plan change does not): the evaluator keeps its lookups across moves.
  const cache = makeMoveEvaluator(() => (scenarioState.scenario ? unwrap(scenarioState.scenario) : null), () => untrack(() => scenarioState.dataChanges));

  const counts = () => setState({ undoCount: past.length, redoCount: future.length });
  const currentPlan = () => scenarioState.scenario?.plan ?? null;
  const quietly = () => {
    dataChange = true;
    // Cleared after the effects of this change ran (or at once if none did).
    queueMicrotask(() => { dataChange = false; });
  };
  scenarioActions.onBeforeEdit((before) => {
    history.remember({ kind: 'scenario', scenario: before });
    quietly();
    counts();
  });
  const put = (plan: Plan) => {
    applied = plan.solution;
    scenarioActions.setPlan(plan);
  };

  // A new scenario starts a new history; another plan change (a solve) is one more step back.
  // Watch the plan's `solution`, which each setPlan replaces whole (a data edit that leaves the
  // routes alone keeps it, and keeps the plan value too: plan-value.ts).
  const watched = () => {
    const scenario = scenarioState.scenario;
    return [scenario?.id, scenario?.plan?.solution, scenario?.plan?.solvedRevision, scenario?.revision, scenario?.plan?.travel, scenario?.travelMatrices] as const;
  };
  createEffect(on(watched, ([id, solution, , , , matrices], previous) => {
    const [prevId, prevSolution, prevSolvedRevision, , prevTravel, prevMatrices] = previous ?? [];
    if (id !== prevId) {
      history.clear();
    } else if (!dataChange && solution && prevSolution && prevSolvedRevision !== undefined && solution !== applied && solution !== prevSolution
      // A solve's best-so-far plans are not steps: undo goes back to the plan before the solve.
      && !isProvisional(prevSolution)) {
      // With where its travel times came from: undoing a solve brings back that plan's travel banner too.
      const plan = { solvedRevision: prevSolvedRevision, solution: prevSolution, ...(prevTravel ? { travel: prevTravel } : {}) };
      history.remember(matrices !== prevMatrices ? { kind: 'plan', plan, matrices: prevMatrices ?? null } : { kind: 'plan', plan });
    }
    cache.clear();
    counts();
  }));

  function apply(o: MoveOutcome): void {
    const scenario = scenarioState.scenario;
    const before = currentPlan();
    if (!scenario || !before) return;
    history.remember({ kind: 'plan', plan: before });
    // A hand move keeps the travel times the plan was made with, and says so (PlanBanner).
    put({ solvedRevision: before.solvedRevision, solution: o.solution, ...(before.travel ? { travel: before.travel } : {}) });
    pinsActions.followMove(scenario.id, o.orderId, o.vehicleId);
    counts();
  }

  function requestOutcome(o: MoveOutcome | null): 'applied' | 'confirm' | 'none' {
    if (!o) return 'none';
    if (o.introduced.length === 0) {
      apply(o);
      return 'applied';
    }
    pendingOutcome = o;
    setState('pending', toPreview(o));
    return 'confirm';
  }

  function step(from: Entry[], to: Entry[]): void {
    const target = from.pop();
    if (!target) return;
    if (target.kind === 'scenario') {
      const current = scenarioActions.textSnapshot();
      if (!current) return;
      to.push({ kind: 'scenario', scenario: current });
      quietly();
      scenarioActions.restore(target.scenario);
    } else {
      const current = currentPlan();
      if (!current || !scenarioState.scenario) return void from.push(target);
      applied = target.plan.solution;
      to.push(restorePlan(scenarioActions, () => scenarioActions.snapshot()!, current, target, put));
    }
    counts();
  }

  const actions: EditActions = {
    startDrag(orderId) {
      outcome = null;
      setState({ dragging: orderId, preview: null });
    },
    hover(target) {
      const orderId = state.dragging;
      outcome = orderId && target ? cache.evaluate(orderId, target) : null;
      const next = outcome ? toPreview(outcome) : null;
      if (JSON.stringify(next) !== JSON.stringify(state.preview)) setState('preview', next);
    },
    drop() {
      const o = outcome;
      actions.endDrag();
      requestOutcome(o);
    },
    endDrag() {
      outcome = null;
      setState({ dragging: null, preview: null });
    },
    evaluate(orderId, target) {
      const o = cache.evaluate(orderId, target);
      return o ? toPreview(o) : null;
    },
    requestMove(orderId, target) {
      return requestOutcome(cache.evaluate(orderId, target));
    },
    confirmPending() {
      const o = pendingOutcome;
      actions.cancelPending();
      if (o) apply(o);
    },
    cancelPending() {
      pendingOutcome = null;
      setState('pending', null);
    },
    undo: () => step(past, future),
    redo: () => step(future, past),
  };
  return [state, actions];
}
