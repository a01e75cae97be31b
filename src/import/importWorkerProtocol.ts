import type { CrsOverride, ImportProgress, ImportResult } from "./types";

/** What the import worker is asked to read: a file to read itself, bytes already read (transferred), or pasted text. */
export type ImportWorkerRequest =
  | { type: "file"; name: string; file: Blob; crsOverride?: CrsOverride }
  | { type: "bytes"; name: string; bytes: ArrayBuffer; crsOverride?: CrsOverride }
  | { type: "paste"; text: string; crsOverride?: CrsOverride };

export type ImportWorkerResponse = { type: "progress"; progress: ImportProgress } | { type: "result"; result: ImportResult };
