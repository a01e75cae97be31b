import type { CheckLayer, CheckOptions, CheckReport, ParcelGeometry } from "./types";

export type CheckWorkerRequest =
  | { type: "set-layers"; layers: CheckLayer[] }
  | { type: "check"; requestId: number; parcel: ParcelGeometry; options: Partial<CheckOptions> };

export type CheckWorkerResponse =
  | { type: "report"; requestId: number; report: CheckReport }
  | { type: "failed"; requestId: number; message: string };
