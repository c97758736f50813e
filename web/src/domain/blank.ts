// A new scenario with nothing in it yet (no depots, fleet or orders): what
// "New scenario → Blank" opens. Its settings are the given ones (the open
// scenario's, so a user's map tiles and units carry over) or sensible defaults.
import { SCENARIO_TYPE, SCENARIO_VERSION, type Scenario, type Settings } from './scenario';

/** Settings of a blank scenario when there is none to take them from. */
export function defaultSettings(date: string): Settings {
  return {
    date,
    capacityUnits: ['kg', 'items'],
    circuityFactor: 1.3,
    speedKmh: { van: 28, 'box-truck': 24 },
    tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    tileAttribution: '© OpenStreetMap contributors',
    solver: { timeLimitS: 5, seed: 1 },
  };
}

/** Today's date as YYYY-MM-DD in the browser's time zone. */
export function localIsoDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A scenario with no depots, vehicles, orders or plan. */
export function makeBlankScenario(id: string, name: string, date: string, settings?: Settings): Scenario {
  return {
    type: SCENARIO_TYPE, version: SCENARIO_VERSION, id, name, revision: 0,
    settings: { ...structuredClone(settings ?? defaultSettings(date)), date },
    depots: [], vehicles: [], orders: [], plan: null,
  };
}
