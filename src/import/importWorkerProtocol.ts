import type { CrsOverride, ImportedParcel, ImportProgress, ImportResult } from "./types";

/** What the import worker is asked to read: a file to read itself, bytes already read (transferred), or pasted text. */
export type ImportWorkerRequest = (
  | { type: "file"; name: string; file: Blob }
  | { type: "bytes"; name: string; bytes: ArrayBuffer }
  | { type: "paste"; text: string }
) & { crsOverride?: CrsOverride; districtAreaKm2?: number };

/**
 * A result with many parcels arrives in pieces: `parcels` messages, then the result with `parcels` empty and
 * `chunked` set. Each message is read (structured-cloned) in a task of its own, so 30 000 parcels with their attributes
 * do not hold the page for the whole copy at once.
 */
export type ImportWorkerResponse =
  | { type: "progress"; progress: ImportProgress }
  | { type: "parcels"; parcels: ImportedParcel[] }
  | { type: "result"; result: ImportResult; chunked?: true };

/** Parcels per `parcels` message: a few hundred kilobytes of a typical file, read in well under a frame. */
export const PARCELS_PER_MESSAGE = 500;
