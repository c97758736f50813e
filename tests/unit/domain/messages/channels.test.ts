// sms: and mailto: links: numbers, and bodies with &, ?, #, +, newlines and emoji encoded so that decoding gives the text back.
import { describe, expect, it } from 'vitest';
import { canEmail, canText, encodeQueryValue, mailtoHref, smsHref, smsNumber } from '../../../../web/src/domain/messages/channels';

const TEXT = 'Hi Zoé & co? 50% off #1 + a=b\nline 2 🚚👍';
const query = (href: string) => new URLSearchParams(href.slice(href.indexOf('?') + 1));

describe('smsHref', () => {
  it('is sms:<number>?body=<encoded text> and decodes back to the text', () => {
    const href = smsHref('+33 4 80-21.41 (55)', TEXT);
    expect(href.startsWith('sms:+33480214155?body=')).toBe(true);
    const body = href.slice('sms:+33480214155?body='.length);
    expect(body).not.toMatch(/[&?#+=\s]/);
    expect(decodeURIComponent(body)).toBe(TEXT);
    expect(query(href).get('body')).toBe(TEXT);
    expect([...query(href).keys()]).toEqual(['body']);
  });

  it('keeps only digits and a leading plus of the number', () => {
    expect(smsNumber(' 04 80 21 41 55 ')).toBe('0480214155');
    expect(smsNumber('+1 (555) 010-9999 ext')).toBe('+15550109999');
    expect(smsHref('', 'x')).toBe('sms:?body=x');
  });

  it('never throws on a lone surrogate: it becomes U+FFFD', () => {
    expect(() => encodeURIComponent('a\uD83D')).toThrow();
    expect(decodeURIComponent(encodeQueryValue('a\uD83Db\uDC00'))).toBe('a\uFFFDb\uFFFD');
    expect(decodeURIComponent(encodeQueryValue('🚚'))).toBe('🚚');
  });
});

describe('mailtoHref', () => {
  it('is mailto:<address>?subject=…&body=… with CRLF line breaks', () => {
    const href = mailtoHref(' zoe+tag@example.com ', 'Delivery & you?', TEXT);
    expect(href.startsWith('mailto:zoe%2Btag@example.com?subject=')).toBe(true);
    const q = query(href);
    expect(q.get('subject')).toBe('Delivery & you?');
    expect(q.get('body')).toBe(TEXT.replace('\n', '\r\n'));
    expect(href).toContain('%0D%0A');
    expect([...q.keys()]).toEqual(['subject', 'body']);
  });
});

describe('canText / canEmail', () => {
  it('needs a few digits, or something@something', () => {
    expect(canText('+33 4 80')).toBe(true);
    expect(canText('n/a')).toBe(false);
    expect(canEmail('a@b')).toBe(true);
    expect(canEmail('not an address')).toBe(false);
    expect(canEmail('')).toBe(false);
  });
});
