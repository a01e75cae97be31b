import type { Manifest } from "../layers/manifestTypes";
import { readFixture } from "../layers/fixtures/readFixture";

/** The valid fixture manifest, for state tests. */
export function fixtureManifest(): Manifest {
  return readFixture("valid/manifest.json") as Manifest;
}
