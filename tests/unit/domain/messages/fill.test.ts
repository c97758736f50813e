// Template filling: every placeholder, unknown and missing ones, values inserted as text.
import { describe, expect, it } from 'vitest';
import { fillTemplate, unknownPlaceholders } from '../../../../web/src/domain/messages/fill';
import { DEFAULT_TEMPLATES, MESSAGE_KINDS, PLACEHOLDER_NAMES } from '../../../../web/src/domain/messages/templates';

const VALUES = {
  customer: 'Zoé', order: 'LYO-1', date: 'Sat, 21 Nov 2026', window: 'between 10:00 and 12:00',
  eta_window: 'between 10:25 and 10:55', new_window: 'between 11:25 and 11:55', company: 'Acme', rebook: 'call 0400',
};

describe('fillTemplate', () => {
  it('replaces every known placeholder by its value', () => {
    const template = PLACEHOLDER_NAMES.map((name) => `${name}=[{${name}}]`).join(' ');
    const filled = fillTemplate(template, VALUES);
    expect(filled.unknown).toEqual([]);
    expect(filled.missing).toEqual([]);
    for (const [name, value] of Object.entries(VALUES)) expect(filled.text).toContain(`${name}=[${value}]`);
    expect(filled.text).not.toMatch(/\{/);
  });

  it('knows exactly the placeholders of the issue', () => {
    expect([...PLACEHOLDER_NAMES].sort()).toEqual(Object.keys(VALUES).sort());
  });

  it('leaves an unknown placeholder visible and reports it once', () => {
    const filled = fillTemplate('Hi {custmer}, {order} {custmer} {Customer}', VALUES);
    expect(filled.text).toBe('Hi {custmer}, LYO-1 {custmer} {Customer}');
    expect(filled.unknown).toEqual(['custmer', 'Customer']);
    expect(filled.missing).toEqual([]);
  });

  it('leaves a known placeholder without a value visible and reports it as missing', () => {
    const { eta_window: _eta, ...rest } = VALUES;
    const filled = fillTemplate('Arriving {eta_window}.', rest);
    expect(filled).toEqual({ text: 'Arriving {eta_window}.', unknown: [], missing: ['eta_window'] });
  });

  it('inserts values as text in one pass: a value holding a placeholder or $& is not expanded', () => {
    const filled = fillTemplate('{customer} / {order}', { customer: '{order} $& $1', order: 'X' });
    expect(filled.text).toBe('{order} $& $1 / X');
  });

  it('never throws on odd text: braces that are no placeholder stay as typed', () => {
    const text = 'a { b } {} {a b} {{order}} {order';
    expect(fillTemplate(text, VALUES).text).toBe('a { b } {} {a b} {LYO-1} {order');
    expect(fillTemplate('', VALUES)).toEqual({ text: '', unknown: [], missing: [] });
  });

  it('does not read inherited properties as values', () => {
    expect(fillTemplate('{constructor} {toString}', {}).unknown).toEqual(['constructor', 'toString']);
  });

  it('finds no unknown placeholder in the default templates', () => {
    for (const kind of MESSAGE_KINDS) {
      expect(unknownPlaceholders(DEFAULT_TEMPLATES[kind].body)).toEqual([]);
      expect(unknownPlaceholders(DEFAULT_TEMPLATES[kind].subject)).toEqual([]);
      expect(fillTemplate(DEFAULT_TEMPLATES[kind].body, VALUES).text).not.toMatch(/[{}]/);
    }
  });
});
