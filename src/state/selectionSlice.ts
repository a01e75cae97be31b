import type { StateCreator } from "zustand/vanilla";
import { isSameSelection, SELECTION_NONE, type Selection } from "./selection";

export interface SelectionSlice {
  selection: Selection;
  select(selection: Selection): void;
  clearSelection(): void;
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (set) => ({
  selection: SELECTION_NONE,
  select: (selection) => set((state) => (isSameSelection(state.selection, selection) ? state : { selection })),
  clearSelection: () => set((state) => (state.selection.type === "none" ? state : { selection: SELECTION_NONE })),
});
