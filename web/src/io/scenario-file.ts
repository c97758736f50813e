// The scenario file: a versioned envelope {type, version, scenario, pins} around a
// whole scenario (orders, fleet, settings and plan) and the stops and routes pinned in it. Reading one upgrades and
// validates it like stored data, so importing an export gives back the same
// scenario. A VROOM problem is the other JSON that opens as a scenario.
import type { Scenario } from '../domain/scenario';
import { SCENARIO_TYPE } from '../domain/scenario';
import { isEmptyPinSet, readPins, type PinSet } from '../plan/pins';
import { upgradeScenario } from './restore';
import { importVroomProblem, type VroomNote } from './vroom';

/** `type` tag of the envelope. */
export const SCENARIO_FILE_TYPE = 'final-mile-scenario-file';
/** Envelope version written by this build. */
export const SCENARIO_FILE_VERSION = 1;
/** File name ending of scenario files. */
export const SCENARIO_FILE_EXTENSION = '.fmp.json';

/** What a scenario file holds. */
export interface ScenarioFile {
  type: typeof SCENARIO_FILE_TYPE;
  version: typeof SCENARIO_FILE_VERSION;
  scenario: Scenario;
  /** Stops pinned to their vehicle and routes pinned whole; absent when nothing is pinned. */
  pins?: PinSet;
}

/** Outcome of reading a scenario file; `message` says what is wrong. */
export type ScenarioFileRead =
  | { ok: true; scenario: Scenario; warnings: string[]; pins?: PinSet }
  | { ok: false; message: string };

/** Wraps a scenario (and its pins, if any) in the envelope. */
export function makeScenarioFile(scenario: Scenario, pins?: PinSet): ScenarioFile {
  return { type: SCENARIO_FILE_TYPE, version: SCENARIO_FILE_VERSION, scenario, ...(pins && !isEmptyPinSet(pins) ? { pins } : {}) };
}

/** The file's text: indented JSON, readable in a diff. */
export function serializeScenarioFile(scenario: Scenario, pins?: PinSet): string {
  return `${JSON.stringify(makeScenarioFile(scenario, pins), null, 2)}\n`;
}

/** True when parsed JSON looks like a scenario file or a bare scenario record. */
export function isScenarioFileData(data: unknown): boolean {
  const type = (data as { type?: unknown } | null)?.type;
  return type === SCENARIO_FILE_TYPE || type === SCENARIO_TYPE;
}

/** Reads parsed JSON: the envelope, or a bare scenario as stored by older builds. */
export function readScenarioFileData(data: unknown): ScenarioFileRead {
  const envelope = data as { type?: unknown; version?: unknown; scenario?: unknown; pins?: unknown } | null;
  if (envelope?.type === SCENARIO_TYPE) return upgradeScenario(data);
  if (envelope?.type !== SCENARIO_FILE_TYPE) return { ok: false, message: 'this is not a Final Mile Planner scenario file' };
  if (typeof envelope.version !== 'number') {
    return { ok: false, message: `version: the file's format version is missing or not a number (this planner writes ${SCENARIO_FILE_VERSION})` };
  }
  if (envelope.version > SCENARIO_FILE_VERSION) {
    return { ok: false, message: `scenario file version ${String(envelope.version)} is newer than this planner reads (${SCENARIO_FILE_VERSION}); update the planner` };
  }
  const read = upgradeScenario(envelope.scenario);
  if (!read.ok || envelope.pins === undefined) return read;
  return { ...read, pins: readPins(envelope.pins) };
}

/** Reads a scenario file's text. */
export function readScenarioFile(text: string): ScenarioFileRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return readScenarioFileData(data);
}

/** Options for a VROOM problem, which names neither the scenario nor its day. */
export interface DocumentOptions {
  name: string;
  date: string;
}

/**
 * Reads a JSON file that becomes a scenario of its own: a scenario file or a
 * VROOM problem (notes about what the planner cannot express become warnings).
 */
export function readScenarioDocument(text: string, options: DocumentOptions): ScenarioFileRead {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, message: `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (isScenarioFileData(data)) return readScenarioFileData(data);
  if (typeof data !== 'object' || data === null || !('vehicles' in data || 'jobs' in data || 'shipments' in data)) {
    return { ok: false, message: 'this JSON is neither a scenario file nor a VROOM problem' };
  }
  const read = importVroomProblem(data, { name: options.name, date: options.date });
  const lines = (notes: VroomNote[]) => notes.map((n) => `${n.path}: ${n.message}`);
  if (!read.ok) return { ok: false, message: `this VROOM problem cannot be imported:\n${lines(read.errors).join('\n')}` };
  return { ok: true, scenario: read.scenario, warnings: lines(read.warnings) };
}

/** JSON by name, or by content when the name says nothing (a download saved without extension). */
export async function looksLikeJson(file: File): Promise<boolean> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) return true;
  if (/\.(csv|tsv|txt|xlsx)$/.test(name)) return false;
  return (await file.slice(0, 64).text()).replace(/^\ufeff/, '').trimStart().startsWith('{');
}
