/** A module (or what is made from it) loaded on first use: the first `load()` starts it, every later one shares it. */
export interface OnDemand<Value> {
  /** Starts loading the first time; every call returns the same promise (a failed load is not retried). */
  load(): Promise<Value>;
  /** The value once loaded, else null; does not start the load. */
  loaded(): Value | null;
  /** True once the load has been started, finished or not. */
  requested(): boolean;
}

/**
 * Wraps a dynamic `import()` (and whatever is done with the module once, e.g. mounting a view) so it runs at most
 * once, whoever asks first: a tab opened, a link arriving, the map's first idle. `onLoaded` runs once, when it arrives.
 */
export function onDemand<Value>(start: () => Promise<Value>, onLoaded?: (value: Value) => void): OnDemand<Value> {
  let loading: Promise<Value> | null = null;
  let value: { current: Value } | null = null;
  return {
    load: () =>
      (loading ??= start().then((loaded) => {
        value = { current: loaded };
        onLoaded?.(loaded);
        return loaded;
      })),
    loaded: () => (value ? value.current : null),
    requested: () => loading !== null,
  };
}
