/**
 * The one breakpoint of the console (docs/decisions/0026-small-screens.md): at this width and below — a phone,
 * or a 1280 px window at 200 % zoom — the navigation goes behind a menu button, filter clauses stack, Search
 * results keep their key columns and dialogs fill the screen. Above it the layout is the desktop one.
 */
import { useSyncExternalStore } from "react";

export const NARROW_MAX_WIDTH = 640;

/** The media query, as a Griffel makeStyles key and for matchMedia. */
export const NARROW = `@media (max-width: ${NARROW_MAX_WIDTH}px)`;
const NARROW_QUERY = NARROW.replace("@media ", "");

// jsdom (the web unit tests) has no matchMedia: there the layout is the desktop one.
const narrowQuery = () => window.matchMedia?.(NARROW_QUERY);

const subscribe = (onChange: () => void) => {
  const query = narrowQuery();
  query?.addEventListener("change", onChange);
  return () => query?.removeEventListener("change", onChange);
};

/**
 * True at the narrow breakpoint, for what CSS alone cannot do (which columns a table renders, where the
 * navigation lives); styles use NARROW.
 */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => narrowQuery()?.matches ?? false,
    () => false,
  );
}
