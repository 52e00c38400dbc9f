/** Keyboard helpers shared by the global shortcuts and the list. */

/** Returns true when the key event comes from a place where the user types text. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Returns true when a modifier other than Shift is held (leave those to the browser/OS). */
export function hasModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}

const LIST_MOVES: Record<string, number> = {
  ArrowDown: 1,
  ArrowUp: -1,
  Home: -Infinity,
  End: Infinity,
  PageDown: 10,
  PageUp: -10,
};

/**
 * How far a key moves the selection in a listbox of `length` rows (Home and End go to either
 * end), or null when the key is not a move.
 */
export function listMove(event: KeyboardEvent, length: number): number | null {
  const delta = LIST_MOVES[event.key];
  if (delta === undefined || hasModifier(event)) return null;
  return Number.isFinite(delta) ? delta : delta > 0 ? length : -length;
}
