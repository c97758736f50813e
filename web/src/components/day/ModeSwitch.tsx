// The Plan/Day switch above the side panel, and "Dispatch" in Plan mode: Day is
// available once the plan is dispatched; Dispatch says why when it cannot start the day.
import { Show, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { Banner } from '../ui/Banner';
import type { DayMode } from '../../store/day';

const MODES: { mode: DayMode; label: string }[] = [{ mode: 'plan', label: 'Plan' }, { mode: 'day', label: 'Day' }];

/** Two toggle buttons (Plan, Day) and the Dispatch button. */
export function ModeSwitch(): JSX.Element {
  const { day: [state, actions] } = useApp();
  return (
    <>
    <div class="mode-switch" role="group" aria-label="Plan or day">
      {MODES.map(({ mode, label }) => (
        <button
          type="button"
          class={`btn btn--small${state.mode === mode ? ' is-active' : ''}`}
          aria-pressed={state.mode === mode}
          disabled={mode === 'day' && !state.day}
          title={mode === 'day' && !state.day ? 'Dispatch the plan to run the day' : undefined}
          onClick={() => actions.setMode(mode)}
        >
          {label}
        </button>
      ))}
      <Show when={state.mode === 'plan' && !state.day}>
        <button
          type="button"
          class="btn btn--small btn--primary"
          title={state.dispatching ? 'Starting the day…' : state.dispatchBlocker ?? 'Freeze this plan and start the day'}
          disabled={state.dispatching}
          aria-busy={state.dispatching}
          onClick={() => actions.dispatch()}
        >
          Dispatch
        </button>
      </Show>
    </div>
    {/* In Plan mode the day's messages (a refused Dispatch) appear here; Day mode shows them in its panel. */}
    <Show when={state.mode === 'plan' ? state.message : null}>
      {(m) => <Banner tone={m().tone} onDismiss={actions.dismissMessage}><span>{m().text}</span></Banner>}
    </Show>
    </>
  );
}
