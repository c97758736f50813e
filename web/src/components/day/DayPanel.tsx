// The side panel in Day mode: the clock, the day's key figures ("N at risk"),
// Repair, the at-risk list, the orders unassigned today, the day's Risk, the routes with their stop actions, the event log,
// the Day report and its Calibration. Messages about the last action appear on top.
import { For, Show, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { KpiBar } from '../KpiBar';
import { Banner } from '../ui/Banner';
import { AtRiskList } from './AtRiskList';
import { CalibrationView } from './CalibrationView';
import { DayClock } from './DayClock';
import { DayReportView } from './DayReportView';
import { DayRiskPanel } from './DayRiskPanel';
import { DayRoutes } from './DayRoutes';
import { DayUnassigned } from './DayUnassigned';
import { EventLog } from './EventLog';
import { PodReportControls } from './PodReport';
import { RepairPanel } from './RepairPanel';

/** Everything of the running day, top to bottom. */
export function DayPanel(): JSX.Element {
  const { day: [state, actions] } = useApp();
  return (
    <div class="day-panel">
      <DayClock />
      <Show when={state.message}>
        {(m) => (
          <Banner tone={m().tone} onDismiss={actions.dismissMessage}>
            <span>{m().text}</span>
          </Banner>
        )}
      </Show>
      {/* A large day's first prediction is made a slice per task (day-predict.ts): until it is whole the sections
          are not shown half made or empty, and the map and timeline show the plan as dispatched. */}
      <Show when={!!state.derived} fallback={<Show when={state.day}><p class="muted" role="status">Predicting the day…</p></Show>}>
        <Show when={state.derived}>
          {(d) => (
            <>
              <For each={d().warnings}>{(w) => <Banner tone="warning"><span>{w}</span></Banner>}</For>
              <KpiBar scenario={d().view} solution={d().view.plan.solution} atRisk={d().atRisk.length} />
            </>
          )}
        </Show>
        <RepairPanel />
        <AtRiskList />
        <DayUnassigned />
        <DayRiskPanel />
        <DayRoutes />
        <EventLog />
        <PodReportControls />
        <DayReportView />
        <CalibrationView />
      </Show>
    </div>
  );
}
