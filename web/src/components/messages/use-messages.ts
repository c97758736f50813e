// The customer messages of the app in context (store/messages.ts over its stores).
import { useApp } from '../../store/context';
import { makeMessages, type Messages } from '../../store/messages';

/** Messages of the app in context; only inside `AppProvider`. */
export function useMessages(): Messages {
  return makeMessages(useApp());
}
