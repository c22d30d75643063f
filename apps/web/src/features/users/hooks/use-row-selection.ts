/**
 * Which Search results rows are selected, with the mouse habits of the Lync Control Panel (and every desktop
 * list): a click selects just that row, Ctrl/⌘-click adds or removes one, Shift-click selects a range. The
 * row checkboxes toggle one row each, so keyboard users need no modifier keys.
 */
import { useCallback, useMemo, useRef, useState } from "react";

export interface ClickModifiers {
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function useRowSelection(ids: readonly number[]) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  // Where a Shift-click range starts: the row clicked last without Shift.
  const anchor = useRef<number | null>(null);
  // Read through a ref so the handlers keep their identity and up to 10 000 memoised rows do not re-render.
  const idsRef = useRef(ids);
  idsRef.current = ids;

  const toggle = useCallback((id: number) => {
    anchor.current = id;
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const selectOnly = useCallback((id: number) => {
    anchor.current = id;
    setSelected(new Set([id]));
  }, []);

  const click = useCallback(
    (id: number, modifiers: ClickModifiers) => {
      const all = idsRef.current;
      const from = anchor.current === null ? -1 : all.indexOf(anchor.current);
      const additive = modifiers.ctrlKey || modifiers.metaKey;
      if (modifiers.shiftKey && from >= 0) {
        const to = all.indexOf(id);
        const range = all.slice(Math.min(from, to), Math.max(from, to) + 1);
        setSelected((previous) => new Set(additive ? [...previous, ...range] : range));
      } else if (additive) toggle(id);
      else selectOnly(id);
    },
    [toggle, selectOnly],
  );

  // A refreshed search may no longer hold every selected row; only rows on screen count as selected.
  const selectedIds = useMemo(() => ids.filter((id) => selected.has(id)), [ids, selected]);
  const allSelected = ids.length > 0 && selectedIds.length === ids.length;

  return {
    selected,
    selectedIds,
    allSelected,
    someSelected: selectedIds.length > 0 && !allSelected,
    toggle,
    click,
    selectOnly,
    toggleAll: () => setSelected(allSelected ? new Set() : new Set(ids)),
    selectAll: () => setSelected(new Set(ids)),
  };
}
