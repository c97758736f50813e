// What the map shows on hover (stop, pickup and route tooltips) and its attribution.
// Names, ids and addresses come from user files, and Leaflet parses a string tooltip,
// popup or attribution as HTML: tooltips are DOM nodes filled through textContent, and
// the one string Leaflet must take (the attribution) is escaped. Depot markers carry
// their name as a title attribute, which Leaflet sets as text.
import { formatClock } from '../components/ui/format';
import type { StopPoint } from './projection';

const STATUS_TEXT: Record<StopPoint['status'], string> = {
  planned: 'on route',
  unassigned: 'unassigned',
  unplanned: 'not planned yet',
};

/** One line of a tooltip; `strong` lines are its title. */
export interface TextLine {
  text: string;
  strong?: boolean;
}

/** A tooltip box of text lines: every line is set through textContent, never parsed as markup. */
export function textBox(lines: readonly TextLine[]): HTMLElement {
  const box = document.createElement('div');
  for (const { text, strong } of lines) {
    const el = document.createElement(strong ? 'strong' : 'div');
    el.textContent = text;
    box.append(el);
  }
  return box;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an HTML string sink (for the few Leaflet options that only take markup). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Hover text of an order's point (its delivery, for a shipment). */
export function stopTooltip(stop: StopPoint, vehicleName: string | null): HTMLElement {
  const title = `${stop.sequence ? `#${stop.sequence} · ` : ''}${stop.pickup ? 'Delivery: ' : ''}${stop.customerName || stop.orderId}`;
  const when = stop.serviceStartS === null ? STATUS_TEXT[stop.status] : `${vehicleName ?? ''}, service at ${formatClock(stop.serviceStartS)}`;
  return textBox([
    { text: title, strong: true },
    { text: stop.address },
    { text: `Order ${stop.orderId} · ${stop.serviceLabel}` },
    { text: when },
  ]);
}

/** Hover text of a shipment's pickup place. */
export function pickupTooltip(stop: StopPoint, vehicleName: string | null): HTMLElement {
  const pickup = stop.pickup!;
  const title = `${pickup.sequence ? `#${pickup.sequence} · ` : ''}Pickup for ${stop.customerName || stop.orderId}`;
  const when = pickup.serviceStartS === null ? STATUS_TEXT[stop.status] : `${vehicleName ?? ''}, pickup at ${formatClock(pickup.serviceStartS)}`;
  return textBox([{ text: title, strong: true }, { text: pickup.address }, { text: when }]);
}

/** Hover text of a route line: the vehicle's name. */
export function routeTooltip(vehicleName: string): HTMLElement {
  return textBox([{ text: vehicleName, strong: true }]);
}
