// "Why it is late" in the Selected stop card: a stop served late under its allowance, the rule that keeps it
// from being on time and the smallest fixes (the plan's own explanation, or one computed for an edited plan).
import { createMemo, For, Show, type JSX } from 'solid-js';
import { explainOrder } from '../domain/explain';
import { describeExplanation } from '../domain/explain-text';
import type { Scenario } from '../domain/scenario';
import { formatMinutes } from './ui/format';

/** Why a stop is late and the smallest fixes: the plan's own explanation, or one computed now (an edited plan). */
export function LateWhy(props: { orderId: string; scenario: Scenario; lateS: number }): JSX.Element {
  const why = createMemo(() => {
    const solution = props.scenario.plan!.solution;
    const given = solution.explanations?.find((e) => e.orderId === props.orderId && e.kind === 'late');
    return describeExplanation(given ?? explainOrder(props.scenario, solution, props.orderId, 'late'), props.scenario.vehicles, 3);
  });
  return (
    <div class="stop-card__late" role="note" aria-label="Why it is late">
      <p><strong>Late {formatMinutes(Math.max(60, props.lateS))}</strong> (within its allowance) · {why().rule}</p>
      <Show when={why().fixes.length > 0}>
        <ol class="unassigned__fixes" aria-label="Smallest fixes"><For each={why().fixes}>{(fix) => <li>{fix}</li>}</For></ol>
      </Show>
    </div>
  );
}
