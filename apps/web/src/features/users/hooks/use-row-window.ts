/**
 * Renders only the Search results rows near the viewport once a search returns more than a few hundred users.
 * Maximum users to display goes up to 10 000, and ten thousand Fluent rows take seconds to mount and make
 * every selection click sluggish. Below the threshold every row is rendered, so find-in-page and tabbing
 * through the row checkboxes work as usual for the common (default 200) case.
 */
import { type RefObject, useLayoutEffect, useRef, useState } from "react";

export const WINDOW_ABOVE_ROWS = 500;
/** Rows rendered beyond each edge of the viewport, so fast scrolling rarely shows blank space. */
const OVERSCAN_ROWS = 30;
/** Fluent's small table row; replaced by the measured height as soon as a row is on screen. */
const ESTIMATED_ROW_HEIGHT = 35;

export interface RowWindow {
  /** Attach to the table body; its top edge is where row 0 starts. */
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  start: number;
  end: number;
  /** Heights of the blank space standing in for the rows before `start` and after `end`. */
  spaceBefore: number;
  spaceAfter: number;
}

export function useRowWindow(rowCount: number): RowWindow {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const enabled = rowCount > WINDOW_ABOVE_ROWS;
  const [state, setState] = useState({ start: 0, end: OVERSCAN_ROWS * 2, rowHeight: ESTIMATED_ROW_HEIGHT });
  const stateRef = useRef(state);
  stateRef.current = state;

  useLayoutEffect(() => {
    if (!enabled) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const body = bodyRef.current;
      if (!body) return;
      // The spacers multiply the row height by thousands, so sub-pixel noise in the measurement is ignored.
      const measured = measureRowHeight(body);
      const previousHeight = stateRef.current.rowHeight;
      const rowHeight =
        measured !== undefined && Math.abs(measured - previousHeight) >= 0.5 ? measured : previousHeight;
      const top = body.getBoundingClientRect().top;
      const visibleRows = Math.ceil(window.innerHeight / rowHeight);
      const end = clamp(Math.ceil((window.innerHeight - top) / rowHeight) + OVERSCAN_ROWS, 0, rowCount);
      // Never an empty window: scrolled past the last row, the last screenful stays rendered.
      const start = clamp(Math.floor(-top / rowHeight) - OVERSCAN_ROWS, 0, Math.max(0, end - visibleRows));
      setState((previous) =>
        previous.start === start && previous.end === end && previous.rowHeight === rowHeight
          ? previous
          : { start, end, rowHeight },
      );
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    // Capture catches scrolling of any container the table sits in, not only the page.
    window.addEventListener("scroll", schedule, { passive: true, capture: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule, { capture: true });
      window.removeEventListener("resize", schedule);
    };
  }, [enabled, rowCount]);

  if (!enabled) return { bodyRef, start: 0, end: rowCount, spaceBefore: 0, spaceAfter: 0 };
  const end = Math.min(state.end, rowCount);
  const start = Math.min(state.start, end);
  return {
    bodyRef,
    start,
    end,
    spaceBefore: start * state.rowHeight,
    spaceAfter: (rowCount - end) * state.rowHeight,
  };
}

/** The average height of the rendered rows (sub-pixel heights vary a little from row to row). */
function measureRowHeight(body: HTMLTableSectionElement): number | undefined {
  const rows = body.querySelectorAll("tr[data-user-row]");
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return undefined;
  const height = (last.getBoundingClientRect().bottom - first.getBoundingClientRect().top) / rows.length;
  return height > 0 ? height : undefined;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
