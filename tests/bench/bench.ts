// `npm run bench -- --set solomon|homberger-200|…|homberger-1000|x [--time-limit S] [--instances N] [--max-customers N] [--every N] [--jobs J] [--workers W] [--only NAME,…] [--min-customers N] [--cpu-time]`
// Solves a benchmark set (each instance single-threaded in its own process, J at
// a time), re-checks every plan with the independent checker and prints + saves
// (bench-results/<set>-<limit>s.json, .md) the gap to the same-convention BKS.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import type { Rounding } from './instance';

const run = promisify(execFile);
const CLI = new URL('./solve-cli.ts', import.meta.url).pathname;

interface CliSummary { routes: number; distance: number; seconds: number; feasible: boolean; unassigned: number }

/** Solves one file through the CLI in a child process; its JSON summary is the last stderr line. */
async function solveFile(path: string, rounding: Rounding, timeLimitS: number, seed: string, workers: string, cpuTime: boolean): Promise<CliSummary & { violations: string[] }> {
  const args = ['--import', 'tsx', CLI, path, '--time-limit', String(timeLimitS), '--rounding', rounding, '--seed', seed, '--workers', workers, '--out', '/dev/null', ...(cpuTime ? ['--cpu-time'] : [])];
  const result = await run(process.execPath, args, { maxBuffer: 1 << 24 }).catch((e: { stderr?: string; code?: number }) => ({ stderr: e.stderr ?? '', stdout: '' }));
  const lines = result.stderr.trim().split('\n');
  const jsonLine = lines.find((l) => l.startsWith('{'));
  if (!jsonLine) throw new Error(`solve failed for ${path}:\n${result.stderr}`);
  const violations = lines.filter((l) => l.startsWith('  ')).map((l) => l.trim());
  return { ...(JSON.parse(jsonLine) as CliSummary), violations };
}

const ROOT = new URL('../../../shared/benchmarks/', import.meta.url).pathname;

interface SetSpec { dir: string; bks: string; convention: string; rounding: Rounding; ext: string; defaultTimeS: number }

function setSpec(name: string): SetSpec {
  if (name === 'solomon') return { dir: join(ROOT, 'solomon/txt'), bks: join(ROOT, 'solomon/bks.csv'), convention: 'distance-trunc1', rounding: 'trunc1', ext: '.txt', defaultTimeS: 10 };
  const gh = /^homberger-(200|400|600|800|1000)$/.exec(name);
  if (gh) return { dir: join(ROOT, `homberger/${gh[1]}/txt`), bks: join(ROOT, 'homberger/bks.csv'), convention: 'distance-trunc1', rounding: 'trunc1', ext: '.txt', defaultTimeS: Number(gh[1]) >= 1000 ? 120 : 30 };
  if (name === 'lilim') return { dir: join(ROOT, 'lilim/txt'), bks: join(ROOT, 'lilim/bks.csv'), convention: 'hierarchical-double', rounding: 'exact', ext: '.txt', defaultTimeS: 30 };
  if (name === 'x') return { dir: join(ROOT, 'cvrplib-x'), bks: join(ROOT, 'cvrplib-x/bks.csv'), convention: 'distance-nint', rounding: 'nint', ext: '.vrp', defaultTimeS: 30 };
  throw new Error(`unknown --set '${name}' (solomon, homberger-200 … homberger-1000, x, lilim)`);
}

function readBks(file: string, convention: string): Map<string, { vehicles: number; distance: number }> {
  const rows = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
  const out = new Map<string, { vehicles: number; distance: number }>();
  for (const row of rows) {
    const [instance, , vehicles, distance, conv] = row.split(',');
    if (conv === convention) out.set(instance, { vehicles: Number(vehicles), distance: Number(distance) });
  }
  return out;
}

interface Row { instance: string; vehicles: number; distance: number; bksVehicles: number; bks: number; gapPct: number; seconds: number; feasible: boolean; violations: string[] }

async function main() {
  const { values } = parseArgs({ options: {
    set: { type: 'string', default: 'solomon' }, 'time-limit': { type: 'string' }, instances: { type: 'string' },
    'max-customers': { type: 'string' }, seed: { type: 'string', default: '1' }, jobs: { type: 'string', default: '1' },
    every: { type: 'string', default: '1' },
    // W solver workers per instance (a portfolio in worker_threads, each for the whole time limit).
    workers: { type: 'string', default: '1' },
    // A comma-separated list of instance names (without extension), and a lower size bound for X.
    only: { type: 'string' }, 'min-customers': { type: 'string' },
    // The time limit counts each solve's CPU time (for tables made on a shared, loaded machine).
    'cpu-time': { type: 'boolean', default: false },
  } });
  const spec = setSpec(values.set!);
  const timeLimitS = values['time-limit'] ? Number(values['time-limit']) : spec.defaultTimeS;
  const bks = readBks(spec.bks, spec.convention);
  let files = readdirSync(spec.dir).filter((f) => f.endsWith(spec.ext)).sort();
  const maxCustomers = values['max-customers'] ? Number(values['max-customers']) : Infinity;
  const minCustomers = values['min-customers'] ? Number(values['min-customers']) : 0;
  if (spec.ext === '.vrp') files = files.filter((f) => { const n = Number(/-n(\d+)-/.exec(f)?.[1] ?? 0) - 1; return n <= maxCustomers && n >= minCustomers; });
  if (values.only) { const names = new Set(values.only.split(',').map((n) => n.trim().toLowerCase())); files = files.filter((f) => names.has(f.replace(spec.ext, '').toLowerCase())); }
  // --every N: a spread sample (every Nth file in name order, so every class is represented).
  const every = Math.max(1, Number(values.every));
  files = files.filter((_, i) => i % every === 0);
  if (values.instances) files = files.slice(0, Number(values.instances));
  const rows: Row[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      const name = file.replace(spec.ext, '');
      const best = bks.get(name);
      const r = await solveFile(join(spec.dir, file), spec.rounding, timeLimitS, values.seed!, values.workers!, values['cpu-time']!);
      const gapPct = best ? (100 * (r.distance - best.distance)) / best.distance : NaN;
      const feasible = r.feasible && r.unassigned === 0;
      const row: Row = { instance: name, vehicles: r.routes, distance: r.distance, bksVehicles: best?.vehicles ?? NaN, bks: best?.distance ?? NaN, gapPct, seconds: r.seconds, feasible, violations: r.violations.slice(0, 5) };
      rows[index] = row;
      console.log(`${name.padEnd(14)} veh ${String(row.vehicles).padStart(3)} (bks ${String(row.bksVehicles).padStart(3)})  dist ${row.distance.toFixed(1).padStart(10)}  bks ${row.bks.toFixed(1).padStart(10)}  gap ${gapPct.toFixed(2).padStart(6)} %  ${row.seconds.toFixed(1)} s${feasible ? '' : '  INFEASIBLE/INCOMPLETE: ' + (row.violations[0] ?? `${r.unassigned} unassigned`)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(values.jobs)) }, worker));
  // Hierarchical convention (vehicles first): distances compare only at the BKS vehicle count; a plan with
  // more vehicles is a miss however short it is (its negative "gap" would flatter the mean).
  const hierarchical = spec.convention.startsWith('hierarchical');
  const compared = rows.filter((r) => r.feasible && Number.isFinite(r.gapPct) && (!hierarchical || r.vehicles === r.bksVehicles));
  const gaps = compared.map((r) => r.gapPct);
  const summary = {
    set: values.set, convention: spec.convention, timeLimitS, clock: values['cpu-time'] ? 'cpu' : 'wall', workers: Number(values.workers), instances: rows.length,
    meanGapPct: gaps.reduce((a, g) => a + g, 0) / Math.max(1, gaps.length),
    worstGapPct: Math.max(...gaps),
    infeasibleOrIncomplete: rows.filter((r) => !r.feasible).length,
    /** Instances solved with at most the BKS vehicle count. */
    atBksVehicles: rows.filter((r) => r.feasible && r.vehicles <= r.bksVehicles).length,
    date: new Date().toISOString(),
  };
  // Per-class means (Solomon and Gehring–Homberger: C1, C2, R1, R2, RC1, RC2 by the name's prefix).
  const classOf = (name: string) => { const m = /^(RC|R|C)([12])/i.exec(name); return m ? (m[1] + m[2]).toUpperCase() : ''; };
  const classes = [...new Set(rows.map((r) => classOf(r.instance)).filter((c) => c))].sort();
  const classMeans = classes.map((c) => {
    const inClass = compared.filter((r) => classOf(r.instance) === c);
    return { class: c, instances: inClass.length, meanGapPct: inClass.reduce((a, r) => a + r.gapPct, 0) / Math.max(1, inClass.length) };
  }).filter((c) => c.instances > 0);
  mkdirSync('bench-results', { recursive: true });
  const stem = `bench-results/${values.set}-${timeLimitS}s${values['cpu-time'] ? '-cpu' : ''}${values.workers === '1' ? '' : `-w${values.workers}`}`;
  writeFileSync(`${stem}.json`, JSON.stringify({ summary, classMeans, rows }, null, 1));
  const md = [
    `## ${values.set} (${spec.convention}, ${timeLimitS} s${values['cpu-time'] ? ' of CPU time' : ''} per instance, seed ${values.seed}, ${values.workers} solver worker(s)${every > 1 ? `, every ${every}th instance` : ''})`, '',
    '| instance | vehicles | distance | BKS vehicles | BKS | gap % | seconds | feasible |', '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.instance} | ${r.vehicles} | ${r.distance.toFixed(1)} | ${r.bksVehicles} | ${r.bks} | ${r.gapPct.toFixed(2)} | ${r.seconds.toFixed(1)} | ${r.feasible ? 'yes' : 'NO'} |`),
    '', `Mean gap **${summary.meanGapPct.toFixed(2)} %**, worst ${summary.worstGapPct.toFixed(2)} %${hierarchical ? ` (over the ${gaps.length} instances at the BKS vehicle count)` : ''}, infeasible or incomplete: ${summary.infeasibleOrIncomplete} of ${rows.length}.`,
    ...(hierarchical ? ['', `At the BKS vehicle count (or fewer): **${summary.atBksVehicles} of ${rows.length}** (${((100 * summary.atBksVehicles) / Math.max(1, rows.length)).toFixed(0)} %).`] : []), '',
    ...(classMeans.length > 1 ? ['| class | instances | mean gap % |', '| --- | --- | --- |', ...classMeans.map((c) => `| ${c.class} | ${c.instances} | ${c.meanGapPct.toFixed(2)} |`), ''] : []),
  ].join('\n');
  writeFileSync(`${stem}.md`, md);
  console.log(`\nmean gap ${summary.meanGapPct.toFixed(2)} %  worst ${summary.worstGapPct.toFixed(2)} %${hierarchical ? ` (${gaps.length} at BKS vehicles)` : ''}  infeasible/incomplete ${summary.infeasibleOrIncomplete}/${rows.length}`);
  if (hierarchical) console.log(`at BKS vehicles: ${summary.atBksVehicles}/${rows.length}`);
  for (const c of classMeans) if (classMeans.length > 1) console.log(`class ${c.class.padEnd(3)} ${String(c.instances).padStart(2)} instances  mean gap ${c.meanGapPct.toFixed(2)} %`);
  console.log(`saved ${stem}.json and .md`);
}

main().catch((error: Error) => { console.error(error.message); process.exitCode = 1; });
