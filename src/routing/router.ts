import { formatHashParameters, parseHashParameters, type HashParameter } from "./hashParameters";

/**
 * How one feature's state is written in the URL hash. Both functions are pure: `parse` reads only the codec's own
 * keys and ignores a malformed value (answering the feature's empty value, or a value that says it was malformed);
 * `format` writes nothing for the empty value.
 */
export interface HashCodec<T> {
  readonly keys: readonly string[];
  parse(parameters: ReadonlyMap<string, string>): T;
  format(value: T): HashParameter[];
}

export interface RouteArrival {
  /** The address the page was opened with (or the one current when the route registered). */
  initial: boolean;
  /** Every parameter of the arriving address, for a route that depends on another (does it carry a camera?). */
  parameters: ReadonlyMap<string, string>;
}

/** A codec bound to the store: what the state stands for, and how an address that arrived changes the state. */
/** What the router reads and watches: the app's store (src/state/appRouter.ts), or a small fake in tests. */
export interface RoutedStore<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

export interface Route<T, S> {
  readonly name: string;
  readonly codec: HashCodec<T>;
  fromState(state: S): T;
  /** Called only when the arriving value differs from what the state stands for now. */
  apply(value: T, arrival: RouteArrival): void;
}

/** The slice of `window` the router needs, so tests can hand it a fake (see src/routing/browserLocation.ts). */
export interface HashLocation {
  readHash(): string;
  /** Replaces the current history entry: moving the map must not flood the back button. */
  replaceHash(hash: string): void;
  onHashChange(listener: () => void): () => void;
  /** This page's address with another hash, for links to share. */
  urlWithHash(hash: string): string;
}

export interface Router<S> {
  /** Adds a route and applies the current address to it at once. A key can have one owner only. */
  register<T>(route: Route<T, S>): void;
  /** The parameters of the address as last read or written. */
  address(): ReadonlyMap<string, string>;
  /** The hash the state stands for now, not waiting for the debounced write. */
  hash(): string;
  /** The page's address with that hash: a link to the current view. */
  url(): string;
  /** Writes the pending change now. */
  flush(): void;
  stop(): void;
}

export const ROUTER_DEBOUNCE_MS = 300;

function ownParameters(address: ReadonlyMap<string, string>, keys: readonly string[]): Map<string, string> {
  const own = new Map<string, string>();
  for (const key of keys) {
    const value = address.get(key);
    if (value !== undefined) own.set(key, value);
  }
  return own;
}

/**
 * The one owner of the URL hash. It reads the address on start and on every `hashchange` (its only listener),
 * hands each route its own parameters when their value differs from the state's, and writes the state back after
 * the store has been quiet for `debounceMs`. Parameters no route owns (a lazily loaded feature's, or an unknown one)
 * are kept, after the owned ones.
 */
export function createRouter<S>(store: RoutedStore<S>, location: HashLocation, options: { debounceMs?: number } = {}): Router<S> {
  const debounceMs = options.debounceMs ?? ROUTER_DEBOUNCE_MS;
  const routes: Array<Route<unknown, S>> = [];
  const owner = new Map<string, string>();
  let address: ReadonlyMap<string, string> = new Map(parseHashParameters(location.readHash()));
  let pendingWrite: ReturnType<typeof setTimeout> | undefined;

  const formatted = <T>(route: Route<T, S>, value: T) => formatHashParameters(route.codec.format(value).filter(([key]) => owner.get(key) === route.name));

  const arrive = <T>(route: Route<T, S>, initial: boolean) => {
    const value = route.codec.parse(ownParameters(address, route.codec.keys));
    if (formatted(route, value) === formatted(route, route.fromState(store.getState()))) return;
    route.apply(value, { initial, parameters: address });
  };

  const hash = () => {
    const state = store.getState();
    const parameters: HashParameter[] = routes.flatMap((route) => route.codec.format(route.fromState(state)).filter(([key]) => owner.get(key) === route.name));
    for (const [key, value] of address) if (!owner.has(key)) parameters.push([key, value]);
    return formatHashParameters(parameters);
  };

  const write = () => {
    if (pendingWrite !== undefined) clearTimeout(pendingWrite);
    pendingWrite = undefined;
    const next = hash();
    const current = location.readHash();
    if (next !== current && !(next === "" && current === "#")) location.replaceHash(next);
    address = new Map(parseHashParameters(next));
  };
  const scheduleWrite = () => {
    if (pendingWrite !== undefined) clearTimeout(pendingWrite);
    pendingWrite = setTimeout(write, debounceMs);
  };

  const unsubscribe = store.subscribe(scheduleWrite);
  const stopListening = location.onHashChange(() => {
    address = new Map(parseHashParameters(location.readHash()));
    for (const route of routes) arrive(route, false);
    // A link the routes refused (an unknown feature) leaves the state as it was: write it back over the address.
    scheduleWrite();
  });

  return {
    register: <T>(route: Route<T, S>) => {
      for (const key of route.codec.keys) {
        const current = owner.get(key);
        if (current !== undefined) throw new Error(`hash parameter '${key}' is already owned by the route '${current}'`);
      }
      for (const key of route.codec.keys) owner.set(key, route.name);
      routes.push(route as Route<unknown, S>);
      arrive(route, true);
      scheduleWrite();
    },
    address: () => address,
    hash,
    url: () => location.urlWithHash(hash()),
    flush: () => {
      if (pendingWrite !== undefined) write();
    },
    stop: () => {
      if (pendingWrite !== undefined) clearTimeout(pendingWrite);
      pendingWrite = undefined;
      unsubscribe();
      stopListening();
    },
  };
}
