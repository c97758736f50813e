// "Find order" matching: id, customer name without case or accents, phone by digits only.
import { describe, expect, it } from 'vitest';
import { findOrders, matchRank, phoneMatches } from '../../../../web/src/domain/messages/search';
import type { Order } from '../../../../web/src/domain/scenario';

const order = (id: string, customerName: string, phone: string): Order => ({
  id, customerName, phone, address: '', lat: 45, lng: 4, serviceType: 'curbside', serviceMinutes: 5, amounts: [1],
  timeWindows: [], priority: 0, notes: '', email: '', extra: {},
});
const ORDERS = [
  order('LYO-1010', 'Hugo Benali', '+33 4 80 21 41 55'),
  order('LYO-1001', 'Théo Fontaine', '04 37 27 51 42'),
  order('LYO-100', 'Zoé Martin', ''),
  order('X-7', 'Ana Lyonnaise', '555 1001'),
];
const ids = (q: string) => findOrders(q, ORDERS).map((o) => o.id);

describe('findOrders', () => {
  it('puts an exact id first, then id prefixes, then other id matches', () => {
    expect(ids('lyo-100')).toEqual(['LYO-100', 'LYO-1001']);
    expect(ids('lyo-10')).toEqual(['LYO-1010', 'LYO-1001', 'LYO-100']);
    expect(ids('LYO-1001')).toEqual(['LYO-1001']);
    expect(ids(' lyo-1010 ')).toEqual(['LYO-1010']);
  });

  it('finds names without case or accents', () => {
    expect(ids('theo')).toEqual(['LYO-1001']);
    expect(ids('ZOÉ')).toEqual(['LYO-100']);
    expect(ids('benali')).toEqual(['LYO-1010']);
  });

  it('compares phones by digits only, national ⇔ international by the last nine', () => {
    expect(ids('04 80 21 41 55')).toEqual(['LYO-1010']);
    expect(ids('+33 437-275-142')).toEqual(['LYO-1001']);
    expect(ids('27 51')).toEqual(['LYO-1001']);
    // digits in a query with letters are an id or a name, never a phone
    expect(ids('1001')).toEqual(['LYO-1001', 'X-7']);
    expect(ids('lyon')).toEqual(['X-7']);
  });

  it('finds nothing for an empty query or one that matches nothing, and honours the limit', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('nobody')).toEqual([]);
    expect(findOrders('lyo', ORDERS, 2)).toHaveLength(2);
  });
});

describe('phoneMatches / matchRank', () => {
  it('needs at least three digits', () => {
    expect(phoneMatches('+33 4 80 21 41 55', '55')).toBe(false);
    expect(phoneMatches('+33 4 80 21 41 55', '155')).toBe(true);
    expect(phoneMatches('', '12345')).toBe(false);
  });
  it('ranks id exact 0, prefix 1, part 2, phone 3, name 4', () => {
    expect(matchRank(ORDERS[2], 'lyo-100')).toBe(0);
    expect(matchRank(ORDERS[0], 'lyo-10')).toBe(1);
    expect(matchRank(ORDERS[0], '1010')).toBe(2);
    expect(matchRank(ORDERS[0], '80 21')).toBe(3);
    expect(matchRank(ORDERS[0], 'hugo')).toBe(4);
    expect(matchRank(ORDERS[0], 'zz')).toBeNull();
  });
});
