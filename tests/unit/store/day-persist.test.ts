// The day is part of the scenario (issue #11): stored records, the scenario file
// and the backup carry it; records without one stay valid; a damaged day is
// reported with its path, never half-read.
import { describe, expect, it } from 'vitest';
import type { DayRecord } from '../../../web/src/domain/day/day-schema';
import { validateScenario } from '../../../web/src/domain/validate';
import { makeBackup, readBackup, serializeBackup } from '../../../web/src/io/backup';
import { readScenarioRecord } from '../../../web/src/io/restore';
import { readScenarioFile, serializeScenarioFile } from '../../../web/src/io/scenario-file';
import { makeDispatch } from '../../../web/src/store/day-log';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

function dispatchedScenario() {
  const scenario = makeMiniScenario({ plan: makeMiniPlan() });
  const day: DayRecord = {
    ...makeDispatch(scenario, 470),
    events: [
      { id: 'done:o1@08:30', type: 'done', order: 'o1', at: 510 },
      { id: 'delay:v1@08:40', type: 'delay', vehicle: 'v1', at: 520, minutes: 60 },
      { id: 'new-order:U1@09:00', type: 'new-order', at: 540, order: { ...scenario.orders[0], id: 'U1', priority: 3 } },
    ],
    clock: { minutes: 615.5, real: false },
  };
  return { ...scenario, day };
}

describe('the day in stored data and files', () => {
  it('a record without a day stays valid and has none', () => {
    const read = validateScenario(makeMiniScenario({ plan: makeMiniPlan() }));
    expect(read.ok).toBe(true);
    expect(read.ok && read.scenario.day).toBeUndefined();
  });

  it('a stored record keeps its day: dispatch time, dispatched plan and log', () => {
    const scenario = dispatchedScenario();
    const read = readScenarioRecord(JSON.parse(JSON.stringify(scenario)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.scenario.day).toEqual(scenario.day);
  });

  it('the scenario file exports and imports the day unchanged', () => {
    const scenario = dispatchedScenario();
    const read = readScenarioFile(serializeScenarioFile(scenario));
    expect(read.ok && read.scenario.day).toEqual(scenario.day);
  });

  it('a backup carries the day of each scenario', () => {
    const scenario = dispatchedScenario();
    const read = readBackup(serializeBackup(makeBackup([JSON.parse(JSON.stringify(scenario))])));
    expect(read.ok && read.entries[0].scenario.day).toEqual(scenario.day);
  });

  it('a damaged event is named by its path and the scenario is not read', () => {
    const scenario = dispatchedScenario();
    const bad = JSON.parse(JSON.stringify(scenario));
    bad.day.events[1].minutes = -5;
    const read = readScenarioFile(serializeScenarioFile(bad));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toBe('day.events[1].minutes: must be ≥ 1');
  });

  it('an event id used twice in the log is refused', () => {
    const scenario = dispatchedScenario();
    scenario.day.events[2] = { ...scenario.day.events[0], at: 600 };
    const read = validateScenario(JSON.parse(JSON.stringify(scenario)));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issues[0]).toEqual({ path: 'day.events[2]', message: "event id 'done:o1@08:30' is used twice" });
  });
});
