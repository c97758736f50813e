// Plain data made immutable all the way down. A plan is shared, never copied, by every copy of its
// scenario (saves, undo, a solve's snapshot: store/plan-value.ts), so nothing may change it in place.

/** Freezes plain data in place (objects and arrays, all the way down); returns it. Frozen values are not walked again. */
export function freezeDeep<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) freezeDeep(item);
  } else {
    for (const key of Object.keys(value)) freezeDeep((value as Record<string, unknown>)[key]);
  }
  return value;
}
