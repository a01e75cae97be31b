interface ImportMetaEnv {
  /** The service worker's file beside index.html in a build; empty on the development server, which has none (vite.config.ts). */
  readonly SERVICE_WORKER_URL: string;
}
