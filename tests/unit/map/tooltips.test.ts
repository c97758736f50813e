// Map hover text is text: vehicle names, order ids, customer names, addresses,
// depot names and service-type labels carrying markup payloads come out as the
// same characters, never as elements (so an `onerror` handler can never run).
import { afterEach, describe, expect, it } from 'vitest';
import { projectStops } from '../../../web/src/map/projection';
import { escapeHtml, pickupTooltip, routeTooltip, stopTooltip, textBox } from '../../../web/src/map/tooltips';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';
import { makeShipmentScenario } from '../../fixtures/mini-shipment';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  "'><iframe src=javascript:window.__xss=1>",
  'A & B <b>bold</b>',
];

declare global { interface Window { __xss?: number } }

/** Every element inside `box`: only the text lines the builder makes (div, strong). */
const tags = (box: HTMLElement) => [...box.querySelectorAll('*')].map((el) => el.tagName.toLowerCase());

/** Fails when the box holds anything but text lines, or lost any payload character. */
function expectTextOnly(box: HTMLElement, ...texts: string[]): void {
  document.body.append(box);
  expect(tags(box).every((t) => t === 'div' || t === 'strong')).toBe(true);
  for (const text of texts) expect(box.textContent).toContain(text);
  expect(window.__xss).toBeUndefined();
}

afterEach(() => {
  document.body.replaceChildren();
  delete window.__xss;
});

describe('map tooltips', () => {
  it.each(PAYLOADS)('shows a payload in a route line\'s vehicle name as text: %s', (payload) => {
    const box = routeTooltip(payload);
    expectTextOnly(box, payload);
    expect(box.querySelector('strong')!.textContent).toBe(payload);
  });

  it.each(PAYLOADS)('shows payloads in a stop\'s order id, customer, address, service type and vehicle as text: %s', (payload) => {
    const scenario = makeMiniScenario();
    scenario.settings.serviceTypes = { curbside: { label: `Curb ${payload}`, baseMinutes: 5, minutesPerItem: 0, crewSize: 1, skills: [], pickup: 'none', priorityBoost: 0 } };
    scenario.plan = makeMiniPlan(scenario);
    const o1 = scenario.orders[0];
    Object.assign(o1, { id: `id-${payload}`, customerName: `Name ${payload}`, address: `Street ${payload}` });
    scenario.plan.solution.routes[0].steps.find((s) => s.id === 'o1')!.id = o1.id;
    const stop = projectStops(scenario, scenario.plan).find((s) => s.orderId === o1.id)!;
    const box = stopTooltip(stop, `Van ${payload}`);
    expectTextOnly(box, `Name ${payload}`, `Street ${payload}`, `Order id-${payload}`, `Curb ${payload}`, `Van ${payload}, service at`);
    // A stop without a customer name is titled by its order id, still as text.
    expectTextOnly(stopTooltip({ ...stop, customerName: '' }, null), `#1 · id-${payload}`);
  });

  it.each(PAYLOADS)('shows payloads in a shipment\'s pickup address and customer as text: %s', (payload) => {
    const scenario = makeShipmentScenario();
    const order = scenario.orders.find((o) => o.pickup)!;
    order.pickup!.address = `Shop ${payload}`;
    order.customerName = `Name ${payload}`;
    const stop = projectStops(scenario, scenario.plan).find((s) => s.orderId === order.id)!;
    expectTextOnly(pickupTooltip(stop, `Van ${payload}`), `Pickup for Name ${payload}`, `Shop ${payload}`, `Van ${payload}, pickup at`);
  });

  it('builds one element per line, the title strong', () => {
    const box = textBox([{ text: 'Title', strong: true }, { text: 'Line' }]);
    expect(tags(box)).toEqual(['strong', 'div']);
    expect([...box.children].map((el) => el.textContent)).toEqual(['Title', 'Line']);
  });
});

describe('escapeHtml', () => {
  it.each([...PAYLOADS, 'Depot <img src=x onerror=window.__xss=1>', '© OpenStreetMap contributors'])(
    'parses back to the same text and no element: %s', (text) => {
      const host = document.createElement('div');
      host.innerHTML = escapeHtml(text);
      document.body.append(host);
      expect(host.children).toHaveLength(0);
      expect(host.textContent).toBe(text);
      expect(window.__xss).toBeUndefined();
    });

  it('leaves plain text unchanged', () => {
    expect(escapeHtml('© OpenStreetMap contributors')).toBe('© OpenStreetMap contributors');
    expect(escapeHtml('a<b & "c"')).toBe('a&lt;b &amp; &quot;c&quot;');
  });
});
