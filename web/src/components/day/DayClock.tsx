// The day's clock: "Time" (HH:MM, the simulated clock; Enter or leaving the field
// sets it), Play / Pause at a chosen speed (Play logs the simulated day's events
// as their time comes), and Real time.
import { createEffect, createSignal, For, type JSX } from 'solid-js';
import { formatDayTime } from '../../domain/day/events';
import { useApp } from '../../store/context';
import { parseClockInput, PLAY_SPEEDS } from '../../store/day-clock';

const speedLabel = (speed: number) => `a day in ${Math.round(86_400 / speed / 60 * 10) / 10} min`;

/** Time input, Play/Pause, speed and real-time controls. */
export function DayClock(): JSX.Element {
  const { day: [, , clock] } = useApp();
  const shown = () => formatDayTime(Math.floor(clock.minutes()));
  const [text, setText] = createSignal(shown());
  const [error, setError] = createSignal<string | null>(null);
  // The field follows the clock unless the dispatcher is typing in it.
  let input!: HTMLInputElement;
  createEffect(() => { const value = shown(); if (document.activeElement !== input) setText(value); });
  const commit = () => {
    const minutes = parseClockInput(text());
    if (minutes === null) return void setError('Type a time of day as HH:MM, e.g. 10:30.');
    setError(null);
    if (Math.floor(clock.minutes()) !== minutes || clock.real()) clock.set(minutes);
  };
  return (
    <div class="day-clock" role="group" aria-label="Clock">
      <label class="field field--inline">
        <span>Time</span>
        <input ref={input} class="input input--time num" inputmode="numeric" value={text()} aria-invalid={error() ? 'true' : undefined}
          aria-describedby="day-clock-hint" onInput={(e) => setText(e.currentTarget.value)} onChange={commit}
          onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
      </label>
      <button type="button" class="btn btn--small" onClick={() => (clock.playing() ? clock.pause() : clock.play())}>
        {clock.playing() ? 'Pause' : 'Play'}
      </button>
      <label class="field field--inline">
        <span>Speed</span>
        <select class="input" value={clock.speed()} onChange={(e) => clock.setSpeed(Number(e.currentTarget.value))}>
          <For each={[...PLAY_SPEEDS]}>{(speed) => <option value={speed}>{speedLabel(speed)}</option>}</For>
        </select>
      </label>
      <button type="button" class="btn btn--small" aria-pressed={clock.real()} onClick={() => clock.useRealTime()}>Real time</button>
      <span id="day-clock-hint" class={error() ? 'field-error' : 'muted'}>{error() ?? (clock.real() ? 'Real time of day' : 'Simulated clock')}</span>
    </div>
  );
}
