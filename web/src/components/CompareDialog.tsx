// Two scenarios' plans side by side on the KPIs (cost, km, hours, vehicles,
// on-time share, unassigned) with the difference, coloured better or worse.
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import type { PlanKpis } from '../io/export-kpis';
import { UNPRICED_HINT } from '../domain/pricing';
import { planKpis } from '../io/export-kpis';
import { useApp } from '../store/context';
import { Banner } from './ui/Banner';
import { Dialog } from './ui/Dialog';
import { formatCost, formatCount, formatHmMinutes, formatKmValue, formatShare } from './ui/format';

interface Row {
  label: string;
  value: (k: PlanKpis) => number | null;
  format: (n: number) => string;
  /** Lower is better (cost, km…) or higher is better (on-time share). */
  better: 'lower' | 'higher';
}

const ROWS: Row[] = [
  // A fleet that drives for free has no cost to compare: "—", as in the KPI bar.
  { label: 'Cost', value: (k) => (k.unpriced ? null : k.cost), format: formatCost, better: 'lower' },
  { label: 'Km', value: (k) => k.distanceKm, format: (n) => formatKmValue(n * 1000), better: 'lower' },
  { label: 'Hours', value: (k) => k.hours, format: (n) => formatHmMinutes(n * 60), better: 'lower' },
  { label: 'Vehicles used', value: (k) => k.vehiclesUsed, format: formatCount, better: 'lower' },
  { label: 'Orders served', value: (k) => k.ordersServed, format: formatCount, better: 'higher' },
  { label: 'Stops served', value: (k) => k.stops, format: formatCount, better: 'higher' },
  { label: 'On time', value: (k) => (k.onTimeShare === null ? null : k.onTimeShare * 100), format: (n) => formatShare(n / 100), better: 'higher' },
  { label: 'Unassigned', value: (k) => k.unassigned, format: formatCount, better: 'lower' },
];

function delta(row: Row, a: PlanKpis | null, b: PlanKpis | null): { text: string; tone: string } {
  const x = a && row.value(a);
  const y = b && row.value(b);
  if (x === null || y === null || x === undefined || y === undefined) return { text: '', tone: '' };
  const d = y - x;
  if (Math.abs(d) < 1e-9) return { text: '=', tone: '' };
  const good = row.better === 'lower' ? d < 0 : d > 0;
  return { text: `${d > 0 ? '+' : '−'}${row.format(Math.abs(d))}`, tone: good ? 'delta--better' : 'delta--worse' };
}

/** The compare dialog; A defaults to the open scenario, B to another one. */
export function CompareDialog(props: { open: boolean; onClose: () => void }): JSX.Element {
  const { scenarios: [state, actions], scenario: [open] } = useApp();
  const [left, setLeft] = createSignal<string>();
  const [right, setRight] = createSignal<string>();
  const leftId = () => left() ?? open.scenario?.id;
  const rightId = () => right() ?? state.entries.find((e) => e.id !== leftId())?.id;
  const [pair] = createResource(() => (props.open && leftId() && rightId() ? [leftId()!, rightId()!] as const : null), async ([a, b]) => {
    const [sa, sb] = await Promise.all([actions.load(a), actions.load(b)]);
    return { a: { name: sa.name, kpis: planKpis(sa) }, b: { name: sb.name, kpis: planKpis(sb) } };
  });
  const picker = (label: string, value: () => string | undefined, set: (id: string) => void) => (
    <label class="field">
      <span class="field__label">{label}</span>
      <select aria-label={label} value={value() ?? ''} onChange={(e) => set(e.currentTarget.value)}>
        <For each={state.entries}>{(e) => <option value={e.id}>{e.name || 'Untitled scenario'}</option>}</For>
      </select>
    </label>
  );
  const cell = (row: Row, kpis: PlanKpis | null | undefined) => {
    const value = kpis ? row.value(kpis) : null;
    if (value !== null) return row.format(value);
    return kpis?.unpriced && row.label === 'Cost' ? <span title={UNPRICED_HINT}>—</span> : '—';
  };
  return (
    <Dialog title="Compare scenarios" open={props.open} onClose={props.onClose} class="dialog--medium">
      <div class="compare-pickers">{picker('Scenario A', leftId, setLeft)}{picker('Scenario B', rightId, setRight)}</div>
      <Show when={pair.error}><Banner tone="error" title="Cannot compare"><span>{String(pair.error?.message ?? pair.error)}</span></Banner></Show>
      <Show when={pair()}>
        {(p) => (
          <table class="data-table" aria-label="Comparison">
            <thead><tr><th scope="col">KPI</th><th scope="col" class="num">{p().a.name}</th><th scope="col" class="num">{p().b.name}</th><th scope="col" class="num">B − A</th></tr></thead>
            <tbody>
              <For each={ROWS}>
                {(row) => {
                  const d = () => delta(row, p().a.kpis, p().b.kpis);
                  return <tr><th scope="row">{row.label}</th><td class="num">{cell(row, p().a.kpis)}</td><td class="num">{cell(row, p().b.kpis)}</td><td class={`num ${d().tone}`}>{d().text}</td></tr>;
                }}
              </For>
            </tbody>
          </table>
        )}
      </Show>
      <Show when={pair() && (!pair()!.a.kpis || !pair()!.b.kpis)}><p class="muted">“—”: that scenario has no plan yet. Open it and press Optimize.</p></Show>
      <Show when={pair() && (pair()!.a.kpis?.stale || pair()!.b.kpis?.stale)}><p class="note">A plan is out of date: its scenario changed after it was solved.</p></Show>
    </Dialog>
  );
}
