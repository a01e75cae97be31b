import type { Route, Router } from "../routing/router";
import type { AppState } from "./store";

/** The router bound to the app's store: what the features register their hash parameters with. */
export type AppRouter = Router<AppState>;
export type AppRoute<T> = Route<T, AppState>;
