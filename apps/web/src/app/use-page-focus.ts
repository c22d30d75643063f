/**
 * Keyboard focus after navigation (docs/design.md, "What a person sees", Focus): each time the page changes —
 * and on arrival, right after sign-in — focus moves to the page's main field, marked `data-page-focus` (the
 * Users page's Search users box), else to the page's h1, made focusable for it. Otherwise focus would stay on
 * the navigation link or fall to the body, a dozen Tab presses from the page. Search changes on one page
 * (Find, Back between searches) keep the path and leave focus where it is.
 */
import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

/** The attribute a page puts on its main field. */
export const PAGE_FOCUS_ATTRIBUTE = "data-page-focus";

export function pageFocusTarget(main: HTMLElement): HTMLElement | null {
  const field = main.querySelector<HTMLElement>(`[${PAGE_FOCUS_ATTRIBUTE}]`);
  if (field) return field;
  const heading = main.querySelector<HTMLElement>("h1");
  // Focusable by script only, so the heading is no extra Tab stop.
  if (heading && !heading.hasAttribute("tabindex")) heading.tabIndex = -1;
  return heading;
}

/** Called by the layout, whose <main id="main"> holds the page. */
export function usePageFocus() {
  const { pathname } = useLocation();
  const focusedPath = useRef<string | null>(null);
  useEffect(() => {
    const main = document.getElementById("main");
    if (focusedPath.current === pathname || !main) return;
    focusedPath.current = pathname;
    pageFocusTarget(main)?.focus();
  }, [pathname]);
}
