import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { MAX_FILE_BYTES } from "../../src/import/types";

/**
 * A large input file written once before a test file's tests, in a temporary folder removed after them. `write` makes
 * the file and returns its size; it must stay under the importers' limit and reach `minimumBytes`. The returned
 * function gives the file's path.
 */
export function largeTestFile(folderPrefix: string, fileName: string, write: (path: string) => number, minimumBytes: number): () => string {
  let workDir = "";
  let path = "";
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), folderPrefix));
    path = join(workDir, fileName);
    const bytes = write(path);
    expect(bytes).toBeGreaterThan(minimumBytes);
    expect(bytes).toBeLessThan(MAX_FILE_BYTES);
  });
  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });
  return () => path;
}
