// Navigation and call links of a driver's stop: the platform's geo: URI (any map
// app), Google Maps and Apple Maps as alternatives, and tel: for the customer.
import type { DriverStop } from '../handoff/driver-route';

/** Degrees to 6 decimals (≈ 0.1 m). */
const coord = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** `geo:lat,lng?q=lat,lng(label)`: opens the phone's map app on the stop. */
export function geoLink(stop: Pick<DriverStop, 'lat' | 'lng' | 'address'>): string {
  const at = `${coord(stop.lat)},${coord(stop.lng)}`;
  const label = stop.address.replace(/[()]/g, ' ').trim();
  return `geo:${at}?q=${encodeURIComponent(label ? `${at}(${label})` : at)}`;
}

/** Google Maps directions to the stop. */
export function googleMapsLink(stop: Pick<DriverStop, 'lat' | 'lng'>): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${coord(stop.lat)},${coord(stop.lng)}`;
}

/** Apple Maps directions to the stop. */
export function appleMapsLink(stop: Pick<DriverStop, 'lat' | 'lng'>): string {
  return `https://maps.apple.com/?daddr=${coord(stop.lat)},${coord(stop.lng)}`;
}

/** `tel:` link of a phone number as written ("+33 4 80 21 41 55" → "tel:+33480214155"); null when there is no number. */
export function telLink(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '');
  return /\d/.test(digits) ? `tel:${digits}` : null;
}
