// Prints the per-importer counts of a fuzz run (cases, valid, rejected with a
// message, failures) after vitest's own report; used by `npm run fuzz`.
import type { Reporter, TestModule } from 'vitest/node';
import type { FuzzStats } from './harness';

const COLUMNS = ['importer', 'cases', 'valid', 'rejected with a message', 'failures', 'slowest case'];

function line(cells: (string | number)[]): string {
  return cells.map((cell, i) => (i === 0 ? String(cell).padEnd(26) : String(cell).padStart(i === 3 ? 24 : 10))).join(' ');
}

/** Collects the FuzzStats the fuzz tests leave in their meta and prints them as a table. */
export default class FuzzSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const stats: FuzzStats[] = [];
    for (const module of modules) for (const test of module.children.allTests()) {
      const fuzz = test.meta().fuzz as FuzzStats | undefined;
      if (fuzz) stats.push(fuzz);
    }
    if (stats.length === 0) return;
    const rows = stats.map((s) => line([s.name, s.cases, s.valid, s.rejected, s.failures, `${Math.round(s.slowestMs)} ms`]));
    const total = stats.reduce((t, s) => ({ cases: t.cases + s.cases, valid: t.valid + s.valid, rejected: t.rejected + s.rejected, failures: t.failures + s.failures }), { cases: 0, valid: 0, rejected: 0, failures: 0 });
    const out = ['', 'Fuzz summary', line(COLUMNS), ...rows, line(['total', total.cases, total.valid, total.rejected, total.failures, '']), ''];
    for (const s of stats.filter((x) => x.failure)) out.push(`FAILED ${s.name} (seed ${s.seed}):`, s.failure!, '');
    out.push(`seeds: ${stats.map((s) => `${s.name}=${s.seed}`).join(', ')} (replay one with FUZZ_SEED=<seed>)`, '');
    process.stdout.write(`${out.join('\n')}\n`);
  }
}
