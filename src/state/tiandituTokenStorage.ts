import type { AppStore } from "./store";

const STORAGE_KEY = "dazu-map.tianditu-token";

/** Keeps the user's 天地图 key in localStorage (never in the URL); storage may be unavailable, which is not an error. */
export function persistTiandituToken(store: AppStore, storage: Storage | undefined = globalThis.localStorage): () => void {
  try {
    const saved = storage?.getItem(STORAGE_KEY);
    if (saved) store.getState().setTiandituToken(saved);
  } catch {
    // Private mode or disabled storage: the key then lasts for this page only.
  }
  return store.subscribe((state, previous) => {
    if (state.tiandituToken === previous.tiandituToken) return;
    try {
      if (state.tiandituToken === "") storage?.removeItem(STORAGE_KEY);
      else storage?.setItem(STORAGE_KEY, state.tiandituToken);
    } catch {
      // As above.
    }
  });
}
