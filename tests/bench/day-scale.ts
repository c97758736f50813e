// `npm run bench:day -- [orders]`: what the page's Day mode computes on its main thread at scale. After every
// event it derives the day's state from the log (`deriveDayBase`); after every event and every clock step it
// predicts the rest of the day and builds the Day report and the predicted plan the map and timeline draw
// (`predictDayAt`), as the page does with a keeper that holds the day derived up to the event before. A rich
// day of `orders` (default 3,000; seed 7), planned with a fixed move budget, played with the Play-the-day
// simulator up to 10:00, 14:00 and 17:00; at each, the median of 7 derivations, of 7
// predictions right after one, of 7 clock steps of a minute each after it, as the page's clock steps, and of 7
// derivations and predictions after the last event with a keeper that derived the log up to the one before.
import { simulateDay } from '../../web/src/domain/day/simulate';
import type { Scenario } from '../../web/src/domain/scenario';
import { makeDispatch } from '../../web/src/store/day-log';
import { deriveDayBase, makeDayKeeper, predictDayAt } from '../../web/src/store/day-derive';
import { nodeRepairSolve } from './repair-solve';
import { generateRichScenario } from './rich-generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const s = generateRichScenario({ orders: Number(process.argv[2] ?? 3000), seed: 7 });
  const plan = await nodeRepairSolve('release')(s, { timeLimitS: 30, seed: 1, maxMoves: 20_000 });
  const planned = { ...s, plan: { solvedRevision: s.revision, solution: plan } } as Scenario;
  console.log(`orders ${s.orders.length}, routes ${plan.routes.length}`);
  for (const hour of [10, 14, 17]) {
    const events = simulateDay(s, plan, { seed: 1, untilS: hour * 3600, delayChance: 0.6 });
    const scenario: Scenario = { ...planned, day: { ...makeDispatch(planned, 7 * 60), events } };
    const derive: number[] = [], first: number[] = [], step: number[] = [];
    for (let i = 0; i < 7; i++) {
      const a = performance.now();
      const base = deriveDayBase(scenario);
      const b = performance.now();
      predictDayAt(base, hour * 60);
      first.push(performance.now() - b);
      derive.push(b - a);
      for (let k = 1; k <= 7; k++) {
        const c = performance.now();
        predictDayAt(base, hour * 60 + k);
        if (i === 0) step.push(performance.now() - c);
      }
    }
    // As the page derives after an event: with a keeper that derived the log up to the event before (day-derive.ts).
    const keptDerive: number[] = [], keptFirst: number[] = [];
    for (let i = 0; i < 7; i++) {
      const keeper = makeDayKeeper();
      const before: Scenario = { ...scenario, day: { ...scenario.day!, events: events.slice(0, -1) } };
      predictDayAt(deriveDayBase(before, keeper), hour * 60 - 1, keeper);
      const a = performance.now();
      const base = deriveDayBase(scenario, keeper);
      const b = performance.now();
      predictDayAt(base, hour * 60, keeper);
      keptFirst.push(performance.now() - b);
      keptDerive.push(b - a);
    }
    console.log(`${hour}:00, ${events.length} events: derive ${ms(median(derive))}, predict after an event ${ms(median(first))}, clock step ${ms(median(step))}; `
      + `kept from the event before: derive ${ms(median(keptDerive))}, predict ${ms(median(keptFirst))} (medians)`);
  }
}
main();
