// `npm run bench:scale -- [--orders 2000,5000,10000] [--seed N] [--save]`
// Time to a first feasible plan for large generated rich scenarios (rich-generate.ts), stage by stage, in
// Node on the release wasm: validate + encode, load (matrix or on-demand travel, neighbour lists), construct,
// decode + check; plus the WASM memory the instance holds. With --save the table becomes the "Scale"
// section of tests/bench/RESULTS.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkSolution } from '../../web/src/domain/check';
import { validateScenario } from '../../web/src/domain/validate';
import { encode } from '../../workers/encode';
import { decode } from '../../workers/decode';
import { instantiateSolver } from '../../workers/wasm';
import { generateRichScenario } from './rich-generate';
import { releaseModule } from './run-solver';

interface ScaleRow {
  orders: number; nodes: number; vehicles: number; profiles: number;
  generateMs: number; encodeMs: number; loadMs: number; constructMs: number; firstPlanMs: number; checkMs: number;
  wasmBytes: number; routes: number; unassigned: number; violations: number;
}

const since = (t0: number) => Math.round(performance.now() - t0);

async function measure(orders: number, seed: number): Promise<ScaleRow> {
  let t = performance.now();
  const scenario = generateRichScenario({ orders, seed });
  const generateMs = since(t);
  const started = performance.now();
  t = performance.now();
  const valid = validateScenario(scenario);
  if (!valid.ok) throw new Error('generated scenario does not validate');
  const encoded = encode(valid.scenario, { timeLimitS: 1, seed });
  const encodeMs = since(t);
  const instance = await instantiateSolver(await releaseModule());
  t = performance.now();
  instance.load(encoded.buffers);
  const loadMs = since(t);
  t = performance.now();
  instance.construct();
  const constructMs = since(t);
  const buffers = instance.readSolution();
  const solution = decode(buffers, {
    scenario: valid.scenario, encoded, travel: instance.travel(), stopReason: 'completed',
    stats: { seed, iterations: 0, elapsedMs: 0 },
  });
  const firstPlanMs = since(started);
  t = performance.now();
  const check = checkSolution(valid.scenario, solution);
  const checkMs = since(t);
  return {
    orders, nodes: encoded.buffers.nodeCount, vehicles: encoded.buffers.vehicleCount, profiles: encoded.buffers.profileCount,
    generateMs, encodeMs, loadMs, constructMs, firstPlanMs, checkMs, wasmBytes: instance.memoryBytes(),
    routes: solution.routes.length, unassigned: solution.unassigned.length, violations: check.violations.length,
  };
}

const MB = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

function table(rows: ScaleRow[]): string {
  return [
    '| orders | nodes | vehicles | profiles | encode ms | load (travel + neighbours) ms | construct ms | first plan ms | check ms | WASM MiB | routes | unassigned | violations |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.orders} | ${r.nodes} | ${r.vehicles} | ${r.profiles} | ${r.encodeMs} | ${r.loadMs} | ${r.constructMs} | ${r.firstPlanMs} | ${r.checkMs} | ${MB(r.wasmBytes)} | ${r.routes} | ${r.unassigned} | ${r.violations} |`),
  ].join('\n');
}

/** Replaces (or appends) the "## Scale" section of RESULTS.md. */
function saveSection(text: string): void {
  const file = new URL('./RESULTS.md', import.meta.url);
  const old = readFileSync(file, 'utf8');
  const start = old.indexOf('\n## Scale');
  const end = start < 0 ? -1 : old.indexOf('\n## ', start + 1);
  const head = start < 0 ? old.trimEnd() : old.slice(0, start).trimEnd();
  const tail = end < 0 ? '' : old.slice(end);
  writeFileSync(file, `${head}\n\n${text.trimEnd()}\n${tail}`);
}

async function main() {
  const { values } = parseArgs({ options: { orders: { type: 'string', default: '2000,5000,10000' }, seed: { type: 'string', default: '1' }, save: { type: 'boolean', default: false } } });
  const sizes = values.orders!.split(',').map(Number);
  const seed = Number(values.seed);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--orders must be a list of positive integers, got '${values.orders}'`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got '${values.seed}'`);
  const rows: ScaleRow[] = [];
  for (const orders of sizes) {
    const row = await measure(orders, seed);
    rows.push(row);
    console.log(`rich-${orders}: nodes ${row.nodes}, encode ${row.encodeMs} ms, load ${row.loadMs} ms, construct ${row.constructMs} ms, first plan ${row.firstPlanMs} ms, check ${row.checkMs} ms, WASM ${MB(row.wasmBytes)} MiB, unassigned ${row.unassigned}, violations ${row.violations}`);
  }
  const text = table(rows);
  console.log(`\n${text}`);
  if (values.save) {
    saveSection([
      '## Scale', '',
      `\`npm run bench:scale\` (seed ${seed}, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, release wasm, 2 shared cores):`,
      'the first feasible plan of a generated rich scenario (rich-generate.ts), from the validated scenario to the',
      'decoded plan (validate + encode, load: travel model and neighbour lists, construct, decode); the checker runs after.', '',
      text,
    ].join('\n'));
    console.log('saved the Scale section of tests/bench/RESULTS.md');
  }
}

main().catch((error: Error) => { console.error(error.message); process.exitCode = 1; });
