import type { Manifest } from "../../src/layers/manifestTypes";
import { readFixture } from "../fixtures/layers/readFixture";

/** The valid fixture manifest, for state tests. */
export function fixtureManifest(): Manifest {
  return readFixture("valid/manifest.json") as Manifest;
}
