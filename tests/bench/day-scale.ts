// `npm run bench:day -- [orders]`: what deriving the day's state from its log and predicting the rest
// of the day cost at scale (both run on the page's main thread, after every event and clock step).
// A rich day of `orders` (default 3,000; seed 7), planned with a fixed move budget, played with the
// Play-the-day simulator up to 14:00; the median of 7 runs of each.
import { deriveDayState } from '../../web/src/domain/day/day-state';
import { predictDay } from '../../web/src/domain/day/eta';
import { simulateDay } from '../../web/src/domain/day/simulate';
import { nodeRepairSolve } from './repair-solve';
import { generateRichScenario } from './rich-generate';

async function main(): Promise<void> {
  const s = generateRichScenario({ orders: Number(process.argv[2] ?? 3000), seed: 7 });
  const plan = await nodeRepairSolve('release')(s, { timeLimitS: 30, seed: 1, maxMoves: 20_000 });
  const events = simulateDay(s, plan, { seed: 1, untilS: 14 * 3600, delayChance: 0.6 });
  const t: number[] = [];
  for (let i = 0; i < 7; i++) {
    const a = performance.now();
    const st = deriveDayState(s, plan, events);
    const b = performance.now();
    predictDay(s, st, 14 * 60);
    const c = performance.now();
    t.push(b - a, c - b);
  }
  const d = t.filter((_, i) => i % 2 === 0).sort((x, y) => x - y), p = t.filter((_, i) => i % 2 === 1).sort((x, y) => x - y);
  console.log(`orders ${s.orders.length} routes ${plan.routes.length} events ${events.length}: derive median ${d[3].toFixed(1)} ms, predict median ${p[3].toFixed(1)} ms`);
}
main();
