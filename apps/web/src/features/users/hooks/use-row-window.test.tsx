import { act, render, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RowWindow, useRowWindow, WINDOW_ABOVE_ROWS } from "./use-row-window.ts";

/**
 * jsdom lays nothing out, so the page's geometry is given here: rows 40 px high (the hook starts from an
 * estimate of 35 and must measure), a 768 px window (jsdom's), and the table body's top edge where the test
 * scrolls it to.
 */
const ROW_HEIGHT = 40;
let bodyTop = 0;

function rect(top: number, height: number): DOMRect {
  return { top, bottom: top + height, height, left: 0, right: 0, width: 0, x: 0, y: top, toJSON: () => "" };
}

beforeEach(() => {
  bodyTop = 0;
  vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
    const index = this.getAttribute("data-index");
    return index === null ? rect(bodyTop, 0) : rect(bodyTop + Number(index) * ROW_HEIGHT, ROW_HEIGHT);
  });
});
afterEach(() => vi.restoreAllMocks());

let shown: RowWindow | undefined;

/** A table whose body holds the window's rows between its spacers, as Search results does. */
function Rows({ count }: { count: number }) {
  const rows = useRowWindow(count);
  shown = rows;
  return (
    <table>
      <tbody ref={rows.bodyRef}>
        {Array.from({ length: rows.end - rows.start }, (_, offset) => rows.start + offset).map((index) => (
          <tr key={index} data-user-row data-index={index} />
        ))}
      </tbody>
    </table>
  );
}

/** Scrolls the page so the body's top edge is at `top`, and lets the next animation frame run. */
async function scrollTo(top: number) {
  bodyTop = top;
  await act(async () => {
    window.dispatchEvent(new Event("scroll"));
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

const windowOf = () => {
  if (!shown) throw new Error("nothing rendered");
  const { start, end, spaceBefore, spaceAfter } = shown;
  return { start, end, spaceBefore, spaceAfter };
};

describe("useRowWindow", () => {
  it("renders every row up to the threshold, with no spacers", () => {
    const { result } = renderHook(() => useRowWindow(WINDOW_ABOVE_ROWS));
    expect(WINDOW_ABOVE_ROWS).toBe(500);
    expect(result.current).toMatchObject({ start: 0, end: 500, spaceBefore: 0, spaceAfter: 0 });
  });

  it("above it, renders the rows on screen and 30 beyond, measured, with space for the rest", () => {
    render(<Rows count={1000} />);
    // 768 px show 20 rows of 40 px; 30 more below. The 950 rows not rendered stand as 38 000 px.
    expect(windowOf()).toEqual({ start: 0, end: 50, spaceBefore: 0, spaceAfter: 950 * ROW_HEIGHT });
  });

  it("follows the scrolling, keeping 30 rows before and after the ones on screen", async () => {
    render(<Rows count={1000} />);
    await scrollTo(-4000);
    // Rows 100 to 119 are on screen (4000 / 40 = 100); 30 more on each side.
    expect(windowOf()).toEqual({
      start: 70,
      end: 150,
      spaceBefore: 70 * ROW_HEIGHT,
      spaceAfter: 850 * ROW_HEIGHT,
    });
    // One row further down, the window moves by one row at each end.
    await scrollTo(-4040);
    expect(windowOf()).toMatchObject({ start: 71, end: 151 });
  });

  it("keeps the last screenful rendered when scrolled past the end, never an empty window", async () => {
    render(<Rows count={1000} />);
    await scrollTo(-100_000);
    expect(windowOf()).toEqual({ start: 980, end: 1000, spaceBefore: 980 * ROW_HEIGHT, spaceAfter: 0 });
  });

  it("shrinks with the list when a search returns fewer rows", async () => {
    const { rerender } = render(<Rows count={1000} />);
    await scrollTo(-4000);
    rerender(<Rows count={600} />);
    await scrollTo(-30_000);
    // 30 000 / 40 = 750 is past the 600th row: the last screenful of this list stays.
    expect(windowOf()).toEqual({ start: 580, end: 600, spaceBefore: 580 * ROW_HEIGHT, spaceAfter: 0 });
    rerender(<Rows count={100} />);
    expect(windowOf()).toEqual({ start: 0, end: 100, spaceBefore: 0, spaceAfter: 0 });
  });

  it("stops listening to the page once the table is gone", async () => {
    const { unmount } = render(<Rows count={1000} />);
    const remove = vi.spyOn(window, "removeEventListener");
    unmount();
    expect(remove.mock.calls.map(([type]) => type).sort()).toEqual(["resize", "scroll"]);
  });
});
