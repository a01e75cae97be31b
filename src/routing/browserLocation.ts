import type { HashLocation } from "./router";

/*
 * The only module in src that writes the address bar (`history.replaceState`); tests/unit/architecture.test.ts
 * fails if any other file writes `location.hash` or `history`. Everything else goes through the router and the store.
 */

export function browserHashLocation(target: Window = window): HashLocation {
  return {
    readHash: () => target.location.hash,
    replaceHash: (hash) => {
      const { pathname, search } = target.location;
      target.history.replaceState(target.history.state, "", `${pathname}${search}${hash}`);
    },
    onHashChange: (listener) => {
      target.addEventListener("hashchange", listener);
      return () => target.removeEventListener("hashchange", listener);
    },
    urlWithHash: (hash) => `${target.location.origin}${target.location.pathname}${target.location.search}${hash}`,
  };
}

/** Starts the page again from its stored state alone: the address loses its hash, then the page reloads. */
export function reloadWithoutHash(target: Window = window): void {
  target.history.replaceState(target.history.state, "", `${target.location.pathname}${target.location.search}`);
  target.location.reload();
}
