// The fuzzing harness shared by every importer: runs a target's generated cases
// through fast-check, gives each case a time budget, sorts outcomes into valid /
// rejected with a message, and fails on anything else (an uncaught exception, a
// hang, an unclear message, a result that does not re-validate).
import fc from 'fast-check';

/** How one case ended when it ended well. */
export type Outcome = { kind: 'valid' } | { kind: 'rejected'; message: string };

/** One importer (or the WASM facade) under test. */
export interface FuzzTarget<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Runs one case; throws (FuzzFailure or anything) when the property does not hold. */
  run(input: T): Promise<Outcome>;
  /** Time a case may take before it counts as a hang. */
  budgetMs(input: T): number;
  /** Short description of an input for failure reports. */
  describe?(input: T): string;
}

/** Counts printed per importer by `npm run fuzz`. */
export interface FuzzStats {
  name: string;
  cases: number;
  valid: number;
  rejected: number;
  failures: number;
  slowestMs: number;
  seed: number;
  /** The shrunk counterexample and why it failed. */
  failure?: string;
}

/** A broken property: the message says which one. */
export class FuzzFailure extends Error {
  override name = 'FuzzFailure';
}

/** Throws a FuzzFailure unless `condition` holds. */
export function expectThat(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new FuzzFailure(typeof message === 'function' ? message() : message);
}

/** Names of errors that only escape through a bug (a failed property access, a stack overflow…). */
const INTERNAL_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'InternalError', 'FuzzFailure']);
/** Text that means a message was built from a missing value, not written for a person (valibot's "received undefined" is fine). */
const UNCLEAR = /\[object \w+\]|Cannot read prop|is not a function|is not iterable|Maximum call stack|Invalid array length|(?<!received )\bundefined\b|(?<!received )\bNaN\b/;

/**
 * Why a message is not clear, or null when it is. The file's own text is not judged: quoted parts
 * ('…', "…", “…”) and every `inputs` string (the row's cells and headers) are removed first. `strict`: a
 * schema's own wording ("Expected number but received undefined") is not clear either (rows of a table).
 */
export function unclearMessage(message: unknown, inputs: readonly string[] = [], strict = false): string | null {
  if (typeof message !== 'string' || message.trim() === '') return `empty message (${String(message)})`;
  // The JSON parser quotes the file (possibly over several lines) after "not valid JSON (".
  let own = message.replace(/not valid JSON \([\s\S]*$/, 'not valid JSON ()');
  const present = [...new Set(inputs)].filter((x) => x.trim() !== '' && message.includes(x)).sort((a, b) => b.length - a.length);
  // Whole words only: a cell "v" must not cut "received" apart.
  for (const input of present) own = own.replace(new RegExp(`(?<!\\w)${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`, 'g'), '');
  own = own.replace(/'[^'\n]*'/g, "''").replace(/"[^"\n]*"/g, '""').replace(/“[^”\n]*”/g, '“”').replace(/not valid JSON \([\s\S]*$/, 'not valid JSON ()');
  const bad = UNCLEAR.exec(own) ?? (strict ? /Invalid (type|key)|but received/.exec(own) : null);
  return bad ? `message has '${bad[0]}' in it: ${message}` : null;
}

/** The message of an error a user may see; a FuzzFailure unless it is a clear Error of the app's own. */
export function clearErrorMessage(error: unknown, inputs: readonly string[] = []): string {
  if (error instanceof FuzzFailure) throw error;
  expectThat(error instanceof Error, () => `threw a non-Error: ${String(error)}`);
  expectThat(!INTERNAL_ERRORS.has(error.name), () => `uncaught ${error.name}: ${error.message}\n${error.stack ?? ''}`);
  const unclear = unclearMessage(error.message, inputs);
  expectThat(unclear === null, () => `unclear error: ${unclear}`);
  return error.message;
}

function withBudget<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FuzzFailure(`hang: no answer within ${budgetMs} ms`)), budgetMs);
  });
  return Promise.race([work, hang]).finally(() => clearTimeout(timer));
}

/** Case count: FUZZ_RUNS (npm run fuzz) or the CI default given by the test. */
export function runsFor(ciRuns: number): number {
  const env = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(env) && env > 0 ? env : ciRuns;
}

/** The unit suite's seed: its few thousand cases are the same on every run, so a CI result can be replayed. */
const UNIT_SUITE_SEED = 20261201;

/**
 * Seed of this run: FUZZ_SEED to replay one; else the fixed unit-suite seed when
 * run by the unit suite, and a random one for `npm run fuzz` (printed with the counts).
 */
export function seedOfRun(): number {
  const env = process.env.FUZZ_SEED;
  if (env !== undefined && Number.isInteger(Number(env))) return Number(env);
  return process.env.FUZZ_RUNS === undefined ? UNIT_SUITE_SEED : Math.floor(Math.random() * 0x7fffffff);
}

/** Runs `runs` cases of a target; a failing case is shrunk and reported in `failure`. */
export async function fuzz<T>(target: FuzzTarget<T>, runs: number, seed = seedOfRun()): Promise<FuzzStats> {
  const stats: FuzzStats = { name: target.name, cases: 0, valid: 0, rejected: 0, failures: 0, slowestMs: 0, seed };
  let failing = false;
  const property = fc.asyncProperty(target.arbitrary, async (input) => {
    const started = performance.now();
    let outcome: Outcome;
    try {
      outcome = await withBudget(target.run(input), target.budgetMs(input));
      const ms = performance.now() - started;
      // Synchronous work cannot be interrupted: a case that ran past its budget is a hang all the same.
      expectThat(ms <= target.budgetMs(input), () => `hang: the case took ${Math.round(ms)} ms (budget ${target.budgetMs(input)} ms)`);
      if (!failing) stats.slowestMs = Math.max(stats.slowestMs, ms);
    } catch (error) {
      failing = true;
      throw error;
    }
    // Shrinking re-runs cases: count only the first pass.
    if (failing) return;
    stats.cases += 1;
    if (outcome.kind === 'valid') stats.valid += 1;
    else stats.rejected += 1;
  });
  // Long runs report the failing case as found: shrinking a case of tens of thousands of rows could take hours.
  const result = await fc.check(property, { numRuns: runs, seed, endOnFailure: process.env.FUZZ_RUNS !== undefined, interruptAfterTimeLimit: 3_000_000 });
  if (result.failed) {
    stats.failures = 1;
    stats.cases += 1;
    const input = result.counterexample?.[0] as T | undefined;
    const shown = input === undefined ? '(none)' : target.describe ? target.describe(input) : fc.stringify(input).slice(0, 2000);
    const error = result.errorInstance;
    stats.failure = `${error instanceof Error ? error.message : String(error)}\ninput (seed ${seed}, path ${result.counterexamplePath}): ${shown}`;
  }
  return stats;
}
