// Starts and stops the solver: time limit, Optimize and Cancel, live progress (the phase; then
// iteration, best plan's cost — or km, for a fleet that drives for free — with its unassigned orders apart, elapsed) and any failure, shown while the app keeps working.
import { Show, type JSX } from 'solid-js';
import type { Progress, SolvePhase } from '../../../workers/protocol';
import type { Solution, StopReason } from '../domain/solution';
import { useApp } from '../store/context';
import { Banner } from './ui/Banner';
import type { PlanMeasure } from '../domain/pricing';
import { formatCost, formatCount, formatElapsed, formatKmValue, plural } from './ui/format';
import { Stat } from './ui/Stat';

const MIN_LIMIT_S = 1;
const MAX_LIMIT_S = 3600;

/** The Optimize / Cancel controls with time limit, progress and run errors. */
export function RunPanel(): JSX.Element {
  const { scenario: [scenarioState], run: [run, runActions] } = useApp();
  const running = () => run.status === 'running';
  return (
    <section class="panel-section run-panel" aria-label="Optimization">
      <div class="run-controls">
        <TimeLimitField disabled={!scenarioState.scenario || running()} />
        <button type="button" class="btn btn--primary" disabled={!scenarioState.scenario || running()} onClick={() => void runActions.optimize()}>
          Optimize
        </button>
        <button type="button" class="btn" disabled={!running() || run.cancelling} onClick={() => runActions.cancel()}>
          Cancel
        </button>
      </div>
      <Show when={running() && run.routing}>
        {(routing) => (
          <>
            <progress class="run-progress" max={Math.max(1, routing().total)} value={routing().done} aria-label="Road travel times" />
            <p class="muted run-state" role="status">Fetching road travel times from the routing service… {formatCount(routing().done)} of {formatCount(routing().total)} blocks</p>
          </>
        )}
      </Show>
      <Show when={running() && !run.routing}>
        <RunProgress progress={run.progress} measure={run.measure} cancelling={run.cancelling} timeLimitS={scenarioState.scenario?.settings.solver.timeLimitS ?? 0} />
      </Show>
      <Show when={run.status === 'done'}>
        <LastRun stats={scenarioState.scenario?.plan?.solution.stats} stopReason={run.stopReason} />
      </Show>
      <Show when={run.error}>
        {(message) => (
          <Banner tone="error" title="Optimization failed" onDismiss={runActions.dismissError}>
            <span>{message()}</span>
          </Banner>
        )}
      </Show>
    </section>
  );
}

/** The solver's time limit, stored with the scenario's settings; out-of-range input is reverted. */
function TimeLimitField(props: { disabled: boolean }): JSX.Element {
  const { scenario: [state, actions] } = useApp();
  const timeLimitS = () => state.scenario?.settings.solver.timeLimitS ?? 0;
  const onChange = (event: Event & { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.valueAsNumber;
    if (Number.isFinite(value) && value >= MIN_LIMIT_S && value <= MAX_LIMIT_S) actions.setSolverOptions({ timeLimitS: value });
    else event.currentTarget.value = String(timeLimitS());
  };
  return (
    <label class="field">
      <span class="field__label">Time limit (s)</span>
      <input type="number" min={MIN_LIMIT_S} max={MAX_LIMIT_S} step="1" inputmode="numeric" value={timeLimitS()} disabled={props.disabled} onChange={onChange} />
    </label>
  );
}

/** "0", or "2 · penalty 20,000": the penalty is the solver's price, not part of the cost. */
function unassignedText(progress: Figures): string {
  return progress.unassigned === 0 ? '0' : `${formatCount(progress.unassigned)} · penalty ${formatCost(progress.penalty)}`;
}

/** What the solver is doing, in the words of the progress line; the time limit counts every phase. */
const PHASE_TEXT: Record<SolvePhase, string> = {
  reading: 'Reading the scenario…',
  matrix: 'Building the travel matrix…',
  constructing: 'Building a first plan…',
  searching: 'Searching for a better plan…',
  explaining: 'Explaining the unassigned and late orders…',
};

type Figures = Omit<Progress, 'plan'>;

function RunProgress(props: { progress: Figures | null; measure: PlanMeasure; cancelling: boolean; timeLimitS: number }): JSX.Element {
  const state = () => (props.cancelling ? 'Stopping — keeping the best plan so far…' : props.progress ? PHASE_TEXT[props.progress.phase] : 'Starting the solver…');
  return (
    <>
      <progress class="run-progress" max={props.timeLimitS * 1000} value={props.progress?.elapsedMs ?? 0} aria-label="Solve progress" />
      <p class="muted run-state" role="status">{state()}</p>
      <Show when={props.progress?.phase === 'searching' && props.progress}>
        {(progress) => (
          <dl class="stats stats--compact" aria-label="Solver progress">
            <Stat label="Iteration" value={formatCount(progress().iteration)} />
            {props.measure === 'km'
              ? <Stat label="Best km" value={formatKmValue(progress().distanceM)} />
              : <Stat label="Best cost" value={formatCost(progress().routeCost)} />}
            <Stat label="Unassigned" value={unassignedText(progress())} tone={progress().unassigned > 0 ? 'warning' : undefined} />
            <Stat label="Elapsed" value={formatElapsed(progress().elapsedMs)} />
          </dl>
        )}
      </Show>
    </>
  );
}

/**
 * One quiet line about the finished run; a cancelled run says the plan is the best found so far, a converged
 * one why it ended before the time limit.
 */
function LastRun(props: { stats: Solution['stats'] | undefined; stopReason: StopReason | null }): JSX.Element {
  const cancelled = () => props.stopReason === 'cancelled';
  const figures = () => (props.stats ? ` ${plural(props.stats.iterations, 'iteration')} in ${formatElapsed(props.stats.elapsedMs)}.` : '');
  const converged = () => (props.stopReason === 'converged' ? ' No better plan was in sight, so it stopped before the time limit.' : '');
  return (
    <p class={cancelled() ? 'note' : 'muted run-state'} role="status">
      {cancelled() ? 'Stopped early — showing the best plan found so far.' : 'Finished.'}
      {figures()}
      {converged()}
    </p>
  );
}
