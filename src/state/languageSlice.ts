import type { StateCreator } from "zustand/vanilla";
import type { Language } from "../i18n/messages";

export const DEFAULT_LANGUAGE: Language = "zh";

export interface LanguageSlice {
  language: Language;
  setLanguage(language: Language): void;
  toggleLanguage(): void;
}

export const createLanguageSlice: StateCreator<LanguageSlice, [], [], LanguageSlice> = (set) => ({
  language: DEFAULT_LANGUAGE,
  setLanguage: (language) => set({ language }),
  toggleLanguage: () => set((state) => ({ language: state.language === "zh" ? "en" : "zh" })),
});
