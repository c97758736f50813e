// Repair: a level select and "Repair" propose the smallest change to the rest of
// the day; the proposal shows its diff (stops moved from → to, new ETAs, stops
// that become on time or late, cost change) with "Accept" and "Discard"; and
// the auto-repair option (self-healing: a repair applied when a stop becomes at risk).
import { createMemo, createSignal, For, Show, type JSX } from 'solid-js';
import { REPAIR_LEVELS, type RepairLevel, type RepairProposal } from '../../plan/repair';
import { costText, droppedLine, movedLine } from '../../plan/repair-diff';
import { useApp } from '../../store/context';
import { formatClock } from '../ui/format';
import { fleetDrivesFree } from '../../domain/pricing';

const LEVEL_LABELS: Record<RepairLevel, string> = {
  'keep-order': 'keep each stop’s vehicle and order',
  'keep-vehicle': 'keep each stop’s vehicle',
  free: 'free',
};

/** Repair controls, the proposal's diff and the auto-repair option (region "Repair"). */
export function RepairPanel(): JSX.Element {
  const { day: [state, actions] } = useApp();
  const [level, setLevel] = createSignal<RepairLevel>('free');
  return (
    <section class="panel-section repair" aria-label="Repair">
      <div class="repair__controls">
        <label class="field--inline">
          <span>Level</span>
          <select class="input" value={level()} onChange={(e) => setLevel(e.currentTarget.value as RepairLevel)}>
            <For each={[...REPAIR_LEVELS]}>{(l) => <option value={l}>{LEVEL_LABELS[l]}</option>}</For>
          </select>
        </label>
        <button type="button" class="btn btn--primary btn--small" disabled={state.repairing} onClick={() => void actions.proposeRepair(level())}>
          Repair
        </button>
        <label class="field--inline">
          <input type="checkbox" checked={state.autoRepair} onChange={(e) => actions.setAutoRepair(e.currentTarget.checked)} />
          <span>Repair automatically</span>
        </label>
      </div>
      <Show when={state.repairing}><p class="muted" role="status">Looking for a repair…</p></Show>
      <Show when={state.proposal}>{(p) => <ProposalView proposal={p()} />}</Show>
    </section>
  );
}

function ProposalView(props: { proposal: RepairProposal }): JSX.Element {
  const { day: [state, actions], scenario: [scenarioState] } = useApp();
  const d = () => props.proposal.diff;
  const vehicleNames = createMemo(() => new Map((scenarioState.scenario?.vehicles ?? []).map((v) => [v.id, v.name])));
  const customers = createMemo(() => new Map((state.derived?.state.orders ?? []).map((o) => [o.id, o.customerName])));
  const changedEtas = () => d().etas.filter((e) => e.beforeS !== e.afterS);
  const dropped = () => droppedLine(d(), (id) => customers().get(id));
  return (
    <div class="repair__proposal" role="group" aria-label="Repair proposal">
      <p>
        {props.proposal.source === 'current' ? 'No change beats the plan as it stands.' : 'Proposed change to the rest of the day.'}{' '}
        At risk {d().atRiskBefore} → {d().atRiskAfter}; cost {costText(d(), fleetDrivesFree(scenarioState.scenario?.vehicles ?? []))};
        {' '}{d().moved.length} moved, {d().resequenced.length} re-sequenced; unassigned {d().unassignedBefore.length} → {d().unassignedAfter.length}.
        {/* The region "At risk" also lists stops by their chance of being on time (the day's estimate): that is
            made again for the repaired day once accepted, so the counts here are the margin rule's alone. */}
        <Show when={state.risk}>{' '}At risk here: late or within the margin; each stop's chance of being on time is estimated again once accepted.</Show>
      </p>
      <Show when={dropped()}>{(line) => <p class="repair__dropped" role="note">{line()}</p>}</Show>
      <Show when={d().moved.length > 0}>
        <ul class="repair__moved" aria-label="Stops moved">
          <For each={d().moved}>{(m) => <li>{movedLine(m, (id) => vehicleNames().get(id), (id) => customers().get(id))}</li>}</For>
        </ul>
      </Show>
      <Show when={d().nowOnTime.length + d().nowLate.length > 0}>
        <p>Now on time: {d().nowOnTime.join(', ') || 'none'}. Now late: {d().nowLate.join(', ') || 'none'}.</p>
      </Show>
      <Show when={changedEtas().length > 0}>
        <details>
          <summary>New ETAs ({changedEtas().length})</summary>
          <ul class="repair__etas">
            <For each={changedEtas()}>{(e) => <li>{e.key}: {e.beforeS === null ? '—' : formatClock(e.beforeS)} → {e.afterS === null ? '—' : formatClock(e.afterS)}</li>}</For>
          </ul>
        </details>
      </Show>
      <div class="repair__actions">
        <button type="button" class="btn btn--primary btn--small" onClick={() => actions.accept()}>Accept</button>
        <button type="button" class="btn btn--small" onClick={() => actions.discard()}>Discard</button>
      </div>
    </div>
  );
}
