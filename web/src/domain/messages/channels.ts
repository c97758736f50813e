// How a message leaves the laptop: an `sms:` link (RFC 5724) or a `mailto:` link
// (RFC 6068) with the text filled in, opened by the device's own apps. Pure.

/** Lone UTF-16 surrogates (text pasted from a broken source) made U+FFFD, so encoding never throws. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Text for a URI query value: every reserved character (&, ?, #, =, +, newline, emoji…) percent-encoded. */
export function encodeQueryValue(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

/** A phone number as an SMS address: digits, with its leading + kept ("+33 4 80-21" → "+3348021"). */
export function smsNumber(phone: string): string {
  const trimmed = phone.trim();
  return `${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/** `sms:<number>?body=<text>`; an empty number leaves the recipient to choose in the SMS app. */
export function smsHref(phone: string, body: string): string {
  return `sms:${smsNumber(phone)}?body=${encodeQueryValue(body)}`;
}

/** `mailto:<address>?subject=…&body=…`, line breaks as CRLF as RFC 6068 asks. */
export function mailtoHref(email: string, subject: string, body: string): string {
  const to = encodeQueryValue(email.trim()).replace(/%40/g, '@');
  const crlf = (text: string) => encodeQueryValue(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to}?subject=${crlf(subject)}&body=${crlf(body)}`;
}

/** True when a phone number has enough digits to text (a shortcode has at least 3). */
export function canText(phone: string): boolean {
  return phone.replace(/\D/g, '').length >= 3;
}

/** True when an address looks like an e-mail address (something@something). */
export function canEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(email.trim());
}
