import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useListEditing } from "./use-list-editing.ts";

describe("useListEditing", () => {
  it("opens a dialog clearing the last outcome, and finishing it selects the row and says what happened", () => {
    const { result } = renderHook(() => useListEditing<"new" | "remove">());
    act(() => result.current.setSelectedId(4));
    act(() => result.current.done("Removed tag:Old.", null));
    expect(result.current).toMatchObject({ dialog: null, selectedId: null, outcome: "Removed tag:Old." });
    act(() => result.current.open("new"));
    expect(result.current).toMatchObject({ dialog: "new", outcome: null });
    act(() => result.current.done("Created tag:Sales.", 9));
    expect(result.current).toMatchObject({ dialog: null, selectedId: 9, outcome: "Created tag:Sales." });
  });

  it("closes a dialog without changing the selection, and dismisses the outcome", () => {
    const { result } = renderHook(() => useListEditing<"remove">());
    act(() => result.current.setSelectedId(2));
    act(() => result.current.open("remove"));
    act(() => result.current.close());
    expect(result.current).toMatchObject({ dialog: null, selectedId: 2 });
    act(() => result.current.done("Done.", 2));
    act(() => result.current.dismissOutcome());
    expect(result.current.outcome).toBeNull();
  });
});
