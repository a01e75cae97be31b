import { createInlineChecker } from "../../check/checkClient";
import { estimateFee } from "../../check/fee";
import type { CheckOptions } from "../../check/types";
import type { DataPackage } from "../../layers/layerData";
import { feeTownsOf } from "../../parcel/feeTowns";
import { createCheckEngine, type CheckEngine, type ReadNearbyLayer } from "../checkEngine";
import { batchOutcomeOf } from "./batchEntry";
import type { BatchJob, BatchJobResult } from "./batchWorkerProtocol";
import { restrictingLayers } from "./summaryRows";

/** Checks jobs one after another on this thread (a batch worker's, or Node's): the page's check engine with an inline checker. */
export interface JobChecker {
  check(jobs: readonly BatchJob[], options: Partial<CheckOptions>): Promise<BatchJobResult[]>;
}

export function createJobChecker(dataPackage: DataPackage, readNearby?: ReadNearbyLayer): JobChecker {
  const engine: CheckEngine = createCheckEngine(dataPackage, async () => createInlineChecker(), readNearby);
  const restricting = new Set(restrictingLayers(dataPackage).map((layer) => layer.id));
  return {
    check: async (jobs, options) => {
      const results: BatchJobResult[] = [];
      for (const job of jobs) {
        try {
          const run = await engine.check(job.geometry, options);
          results.push({ index: job.index, outcome: batchOutcomeOf(run, estimateFee(feeTownsOf(run.report), [], {}), restricting) });
        } catch (error) {
          results.push({ index: job.index, failed: error instanceof Error ? error.message : String(error) });
        }
      }
      return results;
    },
  };
}
