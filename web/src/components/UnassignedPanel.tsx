// Orders the plan leaves out (region "Unassigned"), each with its reason and,
// once the domain explains them, the smallest fixes. Drag an order onto a route
// to assign it; drop a routed stop here to take it off its route.
import { createMemo, For, Show, type JSX } from 'solid-js';
import { explainOrder } from '../domain/explain';
import { describeExplanation } from '../domain/explain-text';
import type { Scenario } from '../domain/scenario';
import type { UnassignedOrder } from '../domain/solution';
import { useApp } from '../store/context';
import { isOrderSelected } from '../store/ui';
import { dragSource, dropTarget } from './ui/dnd';
import { createOrderIndex } from './ui/order-index';
import { formatCount } from './ui/format';

/** An unassigned order as listed: the blocking rule and, once explained, the smallest fixes. */
type ExplainedOrder = UnassignedOrder & { rule: string; fixes: readonly string[] };

/** Explaining tries every insertion on every route: above this many orders only the selected one is explained. */
const EXPLAIN_ALL_UP_TO = 25;
/** Per-vehicle lines shown under the rule. */
const FIXES_SHOWN = 3;

/** The plan's unassigned orders with the domain's explanation (smallest fix first). */
function explained(scenario: Scenario, isSelected: (orderId: string) => boolean): ExplainedOrder[] {
  const solution = scenario.plan?.solution;
  if (!solution) return [];
  const all = solution.unassigned.length <= EXPLAIN_ALL_UP_TO;
  // The worker explains a fresh plan; an edited plan (explanations dropped) is explained here.
  const given = new Map((solution.explanations ?? []).filter((e) => e.kind === 'unassigned').map((e) => [e.orderId, e]));
  return solution.unassigned.map((item) => {
    const ready = given.get(item.orderId);
    if (!ready && !all && !isSelected(item.orderId)) return { ...item, rule: item.reason || 'No reason given', fixes: [] };
    const why = describeExplanation(ready ?? explainOrder(scenario, solution, item.orderId), scenario.vehicles, FIXES_SHOWN);
    return { ...item, ...why };
  });
}

/** The "Unassigned" region for the open scenario's plan. */
export function UnassignedPanel(props: { scenario: Scenario; editable: boolean }): JSX.Element {
  const { scenario: [scenarioState], ui: [uiState, uiActions], edit } = useApp();
  const orders = createOrderIndex(() => props.scenario, () => scenarioState.dataChanges);
  const items = createMemo(() => explained(props.scenario, (orderId) => isOrderSelected(uiState, orderId)));
  const dropping = () => edit[0].preview?.vehicleId === null;
  const drop = dropTarget(edit, () => (props.editable ? { vehicleId: null } : null));
  return (
    <section class={`unassigned${dropping() ? ' is-drop-ok' : ''}`} aria-label="Unassigned" {...drop}>
      <h3 class="section-title">
        Unassigned orders <span class={`count${items().length === 0 ? ' count--ok' : ''}`}>{formatCount(items().length)}</span>
      </h3>
      <Show when={items().length > 0} fallback={<p class="muted unassigned__none">Every order is on a route. Drop a stop here to take it off its route.</p>}>
        <ul class="unassigned__list">
          <For each={items()}>
            {(item) => (
              <li
                class={isOrderSelected(uiState, item.orderId) ? 'is-selected' : undefined}
                data-order-id={item.orderId}
                {...dragSource(edit, () => item.orderId, () => !props.editable)}
                onClick={() => uiActions.selectOrder(item.orderId)}
              >
                <span class="unassigned__marker" aria-hidden="true" />
                <span class="unassigned__name">{orders.order(item.orderId)?.customerName || item.orderId}</span>
                <span class="muted unassigned__id">{item.orderId}</span>
                <p class="unassigned__rule">{item.rule}</p>
                <Show when={item.fixes.length > 0} fallback={<p class="muted unassigned__hint">Select it to see the smallest fixes.</p>}>
                  <p class="unassigned__fixes-title" aria-hidden="true">Smallest fixes</p>
                  <ol class="unassigned__fixes" aria-label="Smallest fixes">
                    <For each={item.fixes}>{(fix) => <li>{fix}</li>}</For>
                  </ol>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
