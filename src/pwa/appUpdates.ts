import { Workbox } from "workbox-window";
import type { AppStore } from "../state/store";

export const APP_UPDATE_NOTICE_ID = "app-update";

/** How often an open page asks for a new release; a field session can last all day. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Registers the service worker (built by vite-plugin-pwa, see vite.config.ts) and offers each new release or data
 * package as a notice: "新版本可用 — 重新加载". The new worker waits until the notice is chosen, and the page
 * reloads as soon as it takes over, so a page never runs the old app against the new data. Every open tab reloads,
 * not only the one where the notice was chosen. The development server has no worker.
 */
export function registerAppUpdates(store: AppStore): void {
  const workerUrl = import.meta.env.SERVICE_WORKER_URL;
  if (!workerUrl || !("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  const workbox = new Workbox(workerUrl, { scope: "./" });
  // A page the worker did not serve (the first visit) is not taken over, so only a served page reloads on a change.
  const servedByWorker = container.controller !== null;
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };
  container.addEventListener("controllerchange", () => {
    if (servedByWorker) reload();
  });

  let registration: ServiceWorkerRegistration | undefined;
  const applyUpdate = () => {
    const waiting = registration?.waiting;
    if (!waiting) return reload();
    // An unserved page sees no controller change: it reloads when the new worker is active.
    waiting.addEventListener("statechange", () => {
      if (waiting.state === "activated") reload();
    });
    workbox.messageSkipWaiting();
  };
  workbox.addEventListener("waiting", () => {
    store.getState().showNotice({ id: APP_UPDATE_NOTICE_ID, message: "pwa.updateAvailable", tone: "info", onSelect: applyUpdate });
  });

  const checkForUpdate = () => {
    if (navigator.onLine) void workbox.update().catch(() => undefined);
  };
  workbox.register().then(
    (registered) => {
      registration = registered;
      if (!registered) return;
      window.addEventListener("online", checkForUpdate);
      setInterval(checkForUpdate, UPDATE_CHECK_INTERVAL_MS);
    },
    // No worker (private mode, a blocked registration): the app still works online.
    () => undefined,
  );
}
