import type { CheckOptions, ParcelGeometry } from "../../check/types";
import type { DataPackage } from "../../layers/layerData";
import type { BatchOutcome } from "./batchEntry";

/** One parcel to check: its place in the batch and its WGS-84 geometry. */
export interface BatchJob {
  index: number;
  geometry: ParcelGeometry;
}

/** A parcel's outcome, or why its check failed (the rest of the batch goes on). */
export type BatchJobResult = { index: number; outcome: BatchOutcome } | { index: number; failed: string };

export type BatchWorkerRequest =
  /** The data package, with large layers' URLs made absolute (a worker resolves relative URLs against its own script). */
  { type: "set-package"; dataPackage: DataPackage } | { type: "check"; requestId: number; jobs: BatchJob[]; options: Partial<CheckOptions> };

export type BatchWorkerResponse = { type: "checked"; requestId: number; results: BatchJobResult[] } | { type: "failed"; requestId: number; message: string };
