import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type ClickModifiers, useRowSelection } from "./use-row-selection.ts";

const PLAIN: ClickModifiers = { ctrlKey: false, metaKey: false, shiftKey: false };
const CTRL = { ...PLAIN, ctrlKey: true };
const META = { ...PLAIN, metaKey: true };
const SHIFT = { ...PLAIN, shiftKey: true };
const CTRL_SHIFT = { ...PLAIN, ctrlKey: true, shiftKey: true };

/** Rows in the order the table shows them; ids deliberately not in numeric order. */
const IDS = [10, 30, 20, 50, 40];

function setup(ids: readonly number[] = IDS) {
  const hook = renderHook(({ rows }) => useRowSelection(rows), { initialProps: { rows: ids } });
  const click = (id: number, modifiers: ClickModifiers = PLAIN) =>
    act(() => hook.result.current.click(id, modifiers));
  const selected = () => hook.result.current.selectedIds;
  return { hook, click, selected };
}

describe("useRowSelection", () => {
  it("starts with nothing selected", () => {
    const { hook } = setup();
    expect(hook.result.current.selectedIds).toEqual([]);
    expect(hook.result.current.allSelected).toBe(false);
    expect(hook.result.current.someSelected).toBe(false);
  });

  it("a click selects just that row", () => {
    const { click, selected } = setup();
    click(30);
    click(50);
    expect(selected()).toEqual([50]);
  });

  it("Ctrl- or ⌘-click adds a row, and removes it when clicked again", () => {
    const { click, selected } = setup();
    click(30);
    click(40, CTRL);
    click(10, META);
    expect(selected()).toEqual([10, 30, 40]);
    click(30, CTRL);
    expect(selected()).toEqual([10, 40]);
  });

  it("Shift-click selects the rows between the last plain click and this one, in table order", () => {
    const { click, selected } = setup();
    click(30);
    click(40, SHIFT);
    expect(selected()).toEqual([30, 20, 50, 40]);
    // The anchor stays where it was: a second Shift-click reaches the other way from it.
    click(10, SHIFT);
    expect(selected()).toEqual([10, 30]);
  });

  it("Ctrl+Shift-click adds the range to what was selected", () => {
    const { click, selected } = setup();
    click(10);
    click(50, CTRL);
    click(40, CTRL_SHIFT);
    expect(selected()).toEqual([10, 50, 40]);
  });

  it("Shift-click with no row clicked before selects only that row", () => {
    const { click, selected } = setup();
    click(20, SHIFT);
    expect(selected()).toEqual([20]);
  });

  it("a checkbox toggles one row and becomes the anchor of the next Shift-click", () => {
    const { hook, click, selected } = setup();
    act(() => hook.result.current.toggle(20));
    act(() => hook.result.current.toggle(10));
    expect(selected()).toEqual([10, 20]);
    act(() => hook.result.current.toggle(20));
    expect(selected()).toEqual([10]);
    click(40, SHIFT);
    expect(selected()).toEqual([20, 50, 40]);
  });

  it("the header checkbox selects every row, then none; some selected shows as mixed", () => {
    const { hook, click } = setup();
    click(20);
    expect(hook.result.current.someSelected).toBe(true);
    act(() => hook.result.current.toggleAll());
    expect(hook.result.current.selectedIds).toEqual(IDS);
    expect(hook.result.current.allSelected).toBe(true);
    expect(hook.result.current.someSelected).toBe(false);
    act(() => hook.result.current.toggleAll());
    expect(hook.result.current.selectedIds).toEqual([]);
    act(() => hook.result.current.selectAll());
    expect(hook.result.current.allSelected).toBe(true);
  });

  it("counts as selected only rows still on screen after the search refreshes", () => {
    const { hook, click } = setup();
    click(30);
    click(50, CTRL);
    hook.rerender({ rows: [10, 50, 60] });
    expect(hook.result.current.selectedIds).toEqual([50]);
    // Ranges follow the rows shown now.
    click(10);
    click(60, SHIFT);
    expect(hook.result.current.selectedIds).toEqual([10, 50, 60]);
    expect(hook.result.current.allSelected).toBe(true);
  });

  it("keeps its handlers' identity across renders, so memoised rows do not re-render", () => {
    const { hook, click } = setup();
    const { click: before, toggle } = hook.result.current;
    click(30);
    hook.rerender({ rows: [...IDS, 60] });
    expect(hook.result.current.click).toBe(before);
    expect(hook.result.current.toggle).toBe(toggle);
  });
});
