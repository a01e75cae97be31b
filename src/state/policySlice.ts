import type { StateCreator } from "zustand/vanilla";

/** The document reader: closed, or open on one document, scrolled to (and marking) one clause or its top. */
export type ReaderState = { type: "closed" } | { type: "open"; documentId: string; clauseId: string | null };

export const READER_CLOSED: ReaderState = { type: "closed" };

export interface PolicySlice {
  reader: ReaderState;
  /** Always a new state, so asking for the clause already open scrolls back to it. */
  openReader(documentId: string, clauseId?: string | null): void;
  closeReader(): void;
}

export const createPolicySlice: StateCreator<PolicySlice, [], [], PolicySlice> = (set) => ({
  reader: READER_CLOSED,
  openReader: (documentId, clauseId = null) => set({ reader: { type: "open", documentId, clauseId } }),
  closeReader: () => set((state) => (state.reader.type === "closed" ? state : { reader: READER_CLOSED })),
});
