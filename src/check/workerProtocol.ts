import type { CheckLayer, CheckOptions, CheckReport, ParcelGeometry } from "./types";

export type CheckWorkerRequest =
  | { type: "set-layers"; layers: CheckLayer[] }
  /** `extraLayers`: features of large layers read near this parcel, checked after the layers set once. */
  | { type: "check"; requestId: number; parcel: ParcelGeometry; options: Partial<CheckOptions>; extraLayers: CheckLayer[] };

export type CheckWorkerResponse = { type: "report"; requestId: number; report: CheckReport } | { type: "failed"; requestId: number; message: string };
