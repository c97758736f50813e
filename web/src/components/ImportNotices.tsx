// What the import review says besides row errors: the depots the file creates
// (reviewed before anything is applied), columns kept without a rule, latitude
// and longitude that look swapped (with "Swap columns"), orders far from every
// depot, skills no vehicle can check, and a fleet priced without cost columns or
// without a cost per hour. All text from the file is shown as text.
import { For, Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import { Banner } from './ui/Banner';
import { formatCount, plural } from './ui/format';

const SHOWN = 5;
const coordinate = (n: number) => n.toFixed(5);
/** A stop's length for the minutes-or-seconds question: "5 h", "2 h 30 min", "5 min", "30 s". */
function stopLength(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  return whole % 60 === 0 ? `${formatCount(whole / 60)} h` : `${formatCount(Math.floor(whole / 60))} h ${whole % 60} min`;
}

/** Lines, the first few shown and the rest counted. */
function Lines(props: { lines: string[] }): JSX.Element {
  return (
    <ul>
      <For each={props.lines.slice(0, SHOWN)}>{(line) => <li>{line}</li>}</For>
      <Show when={props.lines.length > SHOWN}><li>…and {formatCount(props.lines.length - SHOWN)} more.</li></Show>
    </ul>
  );
}

/** The depots a vehicle file will create, as a table to review. */
function NewDepots(): JSX.Element {
  const { importer: [state] } = useApp();
  return (
    <Show when={state.newDepots.length > 0 && state.step === 'review'}>
      <section aria-label="Depots to create">
        <p class="summary-line"><strong>{plural(state.newDepots.length, 'new depot')}</strong> will be created for the vehicles’ starts and ends (open all day unless the file gives hours):</p>
        <table class="data-table" aria-label="Depots to create">
          <thead><tr><th scope="col">Name</th><th scope="col">Latitude</th><th scope="col">Longitude</th></tr></thead>
          <tbody>
            <For each={state.newDepots}>{(d) => <tr><td>{d.name}</td><td>{coordinate(d.lat)}</td><td>{coordinate(d.lng)}</td></tr>}</For>
          </tbody>
        </table>
      </section>
    </Show>
  );
}

/** Notices of the review step. */
export function ImportNotices(): JSX.Element {
  const { importer: [state, actions], scenario: [, scenarioActions] } = useApp();
  const notices = () => state.notices;
  return (
    <>
      <NewDepots />
      <Show when={notices().swap}>
        {(reason) => (
          <Banner tone="warning" title="Latitude and longitude look swapped">
            <p>{reason()}.</p>
            <button type="button" class="btn btn--small" onClick={() => actions.swapLatLng()}>Swap columns</button>
          </Banner>
        )}
      </Show>
      <Show when={notices().far.length > 0}>
        <Banner tone="warning" title={`${plural(notices().far.length, 'order is', 'orders are')} far from every depot`}>
          <Lines lines={notices().far} />
        </Banner>
      </Show>
      <Show when={notices().units.length > 0}>
        <Banner tone="info" title="Units"><Lines lines={notices().units} /></Banner>
      </Show>
      <For each={notices().durationScales}>
        {(scale) => (
          <Show when={scale.chosen} fallback={
            <Banner tone="warning" title="Minutes or seconds?">
              <p>“{scale.header}” is read in minutes: a stop would last {stopLength(scale.median)} ({formatCount(scale.median)}, the column’s median). If the column is in seconds, read it so ({formatCount(scale.median)} is {stopLength(scale.median / 60)}).</p>
              <button type="button" class="btn btn--small" onClick={() => actions.setDurationUnit(scale.column, 'seconds')}>Read “{scale.header}” in seconds</button>
            </Banner>
          }>
            <Banner tone="info" title="Minutes or seconds?">
              <p>“{scale.header}” is read in seconds, as you chose: {formatCount(scale.median)} is {stopLength(scale.median / 60)}.</p>
              <button type="button" class="btn btn--small" onClick={() => actions.setDurationUnit(scale.column, 'minutes')}>Read “{scale.header}” in minutes</button>
            </Banner>
          </Show>
        )}
      </For>
      <Show when={notices().crews.length > 0}>
        <Banner tone="info" title="Crew sizes in the skills"><Lines lines={notices().crews} /></Banner>
      </Show>
      <Show when={notices().serviceSkills.length > 0}>
        <Banner tone="info" title="Service types in the skills"><Lines lines={notices().serviceSkills} /></Banner>
      </Show>
      <Show when={notices().dates.length > 0}>
        <Banner tone="warning" title="Orders for another day">
          <Lines lines={notices().dates} />
          <Show when={notices().otherDay}>
            {(day) => <button type="button" class="btn btn--small" onClick={() => scenarioActions.setDate(day())}>Use {day()} as this scenario's date</button>}
          </Show>
        </Banner>
      </Show>
      <Show when={notices().shipments.length > 0}>
        <Banner tone="info" title="Pickups and deliveries in rows of their own"><Lines lines={notices().shipments} /></Banner>
      </Show>
      <Show when={notices().orderLines.length > 0}>
        <Banner tone="info" title="Orders over several rows"><Lines lines={notices().orderLines} /></Banner>
      </Show>
      <Show when={notices().serviceWords.length > 0}>
        <Banner tone="info" title="Service types read from their words"><Lines lines={notices().serviceWords} /></Banner>
      </Show>
      <Show when={notices().skills.length > 0}>
        <Banner tone="warning" title="Skills no vehicle can check"><Lines lines={notices().skills} /></Banner>
      </Show>
      <Show when={notices().noCosts}>
        <Banner tone="info" title="No cost columns">
          <p>These vehicles cost nothing to drive. The plan still keeps their routes short (as if each km cost 1), but shows a cost of only what you price, and weighs any priced lateness against kilometres at that rate. Add “Cost per km” or “Cost per hour” columns, or edit the vehicles, to plan with your own costs.</p>
        </Banner>
      </Show>
      <Show when={notices().noTimeCost}>
        <Banner tone="info" title="No cost per hour">
          <p>These vehicles are priced by distance or use, but their time costs nothing. The plan weighs no driver hours: a route may wait a long time for a customer’s window rather than another vehicle go there. Add a “Cost per hour” column, or edit the vehicles, if your drivers are paid by the hour.</p>
        </Banner>
      </Show>
      <Show when={notices().kept.length > 0}>
        <p class="muted">Kept without a rule (stored with each {state.kind === 'orders' ? 'order' : 'vehicle'} and exported again): {notices().kept.join(', ')}.</p>
      </Show>
    </>
  );
}
