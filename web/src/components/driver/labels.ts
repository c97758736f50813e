// Words the driver view shows for the events' codes.
import type { FailReason } from '../../domain/day/events';

/** A failed attempt's reason, as the driver reads it. */
export const FAIL_REASON_TEXT: Record<FailReason, string> = { 'not-home': 'Not home', refused: 'Refused', damaged: 'Damaged', 'no-access': 'No access', other: 'Other' };
