import type { StateCreator } from "zustand/vanilla";
import type { MessageKey } from "../i18n/messages";

/** A short message for the status area; stored as a key so it follows the language toggle. */
export interface Notice {
  /** One notice per id: showing the same id again does not stack. */
  id: string;
  message: MessageKey;
  params?: Record<string, string | number>;
  tone: "info" | "warning";
  /** Makes the message a button that does this (e.g. reload for a new version). */
  onSelect?: () => void;
}

export interface NoticesSlice {
  notices: readonly Notice[];
  showNotice(notice: Notice): void;
  dismissNotice(id: string): void;
}

export const createNoticesSlice: StateCreator<NoticesSlice, [], [], NoticesSlice> = (set) => ({
  notices: [],
  showNotice: (notice) => set((state) => (state.notices.some((shown) => shown.id === notice.id) ? state : { notices: [...state.notices, notice] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
});
