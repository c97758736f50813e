// What the "Share route" dialog and the printed manifest show for one route: its
// driver link (when short enough), the link's QR code as an image (when it fits
// one) and the route itself for the route file. The QR code is drawn by `qrcode`.
import { toString as qrSvg } from 'qrcode';
import type { DriverRoute } from '../../domain/handoff/driver-route';
import { handOffForms } from '../../io/handoff';
import { readableQrVersion } from '../../io/qr-version';

/** One route ready to hand off. */
export interface HandOffView {
  route: DriverRoute;
  /** The driver link, or null when it is too long for a link. */
  link: string | null;
  linkLength: number;
  /** The QR code of the link as an image URL (`data:image/svg+xml`), or null when the link is too long for one. */
  qrUrl: string | null;
}

/** The app's address without query or fragment: origin + base path (the driver view lives there too). */
export function appBaseUrl(): string {
  const url = new URL(import.meta.env.BASE_URL, window.location.href);
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The QR code of `text` (level L, byte mode, 4-module quiet zone, never a version jsQR misreads) as an SVG image URL. */
export async function qrImageUrl(text: string): Promise<string> {
  const version = readableQrVersion(text, 'L') ?? undefined;
  const svg = await qrSvg(text, { type: 'svg', errorCorrectionLevel: 'L', margin: 4, version });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Builds the link and, when it fits, the QR code of `route`. */
export async function makeHandOffView(route: DriverRoute, baseUrl: string = appBaseUrl()): Promise<HandOffView> {
  const forms = await handOffForms(route, baseUrl);
  const qrUrl = forms.link && forms.qr ? await qrImageUrl(forms.link) : null;
  return { route, link: forms.link, linkLength: forms.linkLength, qrUrl };
}
