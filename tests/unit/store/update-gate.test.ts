// A waiting new version reloads the page when installed: it must wait while a
// solve runs, the day plays, or a repair is being worked out (issue #12, Updates).
import { createRoot } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../web/src/store/context';
import { createDayStore } from '../../../web/src/store/day';
import type { RepairProposal } from '../../../web/src/plan/repair';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { updateBlocker } from '../../../web/src/store/update-gate';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

function setup() {
  let dispose = () => {};
  let finishRepair: (p: RepairProposal | null) => void = () => {};
  const app = createRoot((d) => {
    dispose = d;
    const scenario = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const [run, setRun] = createStore({ status: 'idle' as string });
    const day = createDayStore(scenario, {
      clock: { setInterval: () => 1, clearInterval: () => {} },
      simulate: () => [],
      propose: () => new Promise<RepairProposal | null>((resolve) => { finishRepair = resolve; }) as never,
    });
    return { run: [run, { setRun }], day, setRun } as unknown as Pick<AppState, 'run' | 'day'> & { setRun: (k: 'status', v: string) => void };
  });
  return { app, dispose, finishRepair: (p: RepairProposal | null) => finishRepair(p) };
}

describe('update gate', () => {
  it('lets the update in when nothing is in flight, and holds it while a solve runs or the day plays', () => {
    const { app, dispose } = setup();
    expect(updateBlocker(app)).toBeNull();
    app.setRun('status', 'running');
    expect(updateBlocker(app)).toBe('the solve has finished');
    app.setRun('status', 'done');
    const [, dayActions, clock] = app.day;
    clock.set(480);
    expect(dayActions.dispatch()).toBe(true);
    clock.play();
    expect(updateBlocker(app)).toBe('the day is paused');
    clock.pause();
    expect(updateBlocker(app)).toBeNull();
    dispose();
  });

  it('holds the update while a repair is being worked out', async () => {
    const { app, dispose } = setup();
    const [state, dayActions, clock] = app.day;
    clock.set(480);
    dayActions.dispatch();
    const pending = dayActions.proposeRepair('free');
    expect(state.repairing).toBe(true);
    expect(updateBlocker(app)).toBe('the repair has been worked out');
    dispose();
    void pending;
  });
});
