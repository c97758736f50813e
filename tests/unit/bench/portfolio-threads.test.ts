// The bench's portfolio (tests/bench/run-portfolio.ts): real worker_threads, each with its own release
// WASM instance, coordinated by web/src/solver/portfolio.ts. A work budget makes it reproducible.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseInstance } from '../../bench/instance';
import { runInstancePortfolio } from '../../bench/run-portfolio';

const FILE = fileURLToPath(new URL('../../../../shared/benchmarks/solomon/txt/R101.txt', import.meta.url));

describe('portfolio in worker_threads', () => {
  it('two threads with a work budget return a checker-clean plan, the same plan twice', async () => {
    const inst = parseInstance(readFileSync(FILE, 'utf8'), 'R101.txt');
    const run = () => runInstancePortfolio(inst, FILE, { rounding: 'trunc1', seed: 1, timeLimitS: 120, maxMoves: 400_000 }, 2);
    const first = await run();
    expect(first.check.violations).toEqual([]);
    expect(first.unassigned).toBe(0);
    const second = await run();
    expect(second.routes).toEqual(first.routes);
  });
});
