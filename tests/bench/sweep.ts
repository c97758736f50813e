// `npm run bench:sweep -- [--time-limit S] [--jobs J]`: runs `solve` on every
// instance file of the benchmark sets (Solomon and GH .txt and .vrp, X .vrp, Li & Lim
// .txt) with a short limit, and reports any file whose plan fails the checker or
// whose run errors. A smoke test of parsers, rounding and .sol output, not of quality.
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = new URL('../../../shared/benchmarks/', import.meta.url).pathname;
const CLI = new URL('./solve-cli.ts', import.meta.url).pathname;

function instanceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith('sol') ? [] : instanceFiles(path);
    return /\.(txt|vrp)$/.test(name) && !dir.includes('sol-') ? [path] : [];
  });
}

async function main() {
  const { values } = parseArgs({ options: { 'time-limit': { type: 'string', default: '0.3' }, jobs: { type: 'string', default: '2' } } });
  const files = instanceFiles(ROOT).sort();
  const failures: string[] = [];
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const args = ['--import', 'tsx', CLI, file, '--time-limit', values['time-limit']!, ...(file.includes('lilim') ? ['--rounding', 'exact'] : []), '--out', '/dev/null'];
      const result = await run(process.execPath, args, { maxBuffer: 1 << 24 }).catch((e: { stderr?: string }) => ({ stderr: `FAILED ${e.stderr ?? ''}` }));
      const summary = result.stderr.split('\n').find((l) => l.startsWith('{'));
      const ok = summary && JSON.parse(summary).feasible === true && JSON.parse(summary).unassigned === 0;
      if (!ok) failures.push(`${file.replace(ROOT, '')}: ${result.stderr.trim().split('\n').slice(-2).join(' | ')}`);
      if (++done % 50 === 0) console.log(`${done}/${files.length} files, ${failures.length} failing`);
    }
  };
  await Promise.all(Array.from({ length: Number(values.jobs) }, worker));
  console.log(`${files.length} instance files solved, ${failures.length} failing`);
  for (const f of failures) console.log(`  ${f}`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((error: Error) => { console.error(error.message); process.exitCode = 1; });
