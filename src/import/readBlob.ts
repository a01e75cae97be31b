import { importMessage } from "./messages";
import { clip } from "./text";
import type { ImportMessage, ImportOptions } from "./types";

export type BlobReading = { type: "bytes"; bytes: Uint8Array } | { type: "failed"; error: ImportMessage } | { type: "cancelled" };

/** Bytes read per step: small enough for progress to move and a cancellation to be noticed, large enough to be fast. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads a file slice by slice into one buffer, reporting the share read. The caller has already held `blob.size` to
 * MAX_FILE_BYTES; a file changed on disk since it was picked fails to read (the browser refuses) rather than growing.
 */
export async function readBlob(
  blob: Blob,
  fileName: string,
  onProgress?: ImportOptions["onProgress"],
  isCancelled: () => boolean = () => false,
): Promise<BlobReading> {
  const size = blob.size;
  const bytes = new Uint8Array(size);
  onProgress?.({ stage: "reading", fraction: 0 });
  try {
    for (let offset = 0; offset < size; offset += CHUNK_BYTES) {
      if (isCancelled()) return { type: "cancelled" };
      const chunk = new Uint8Array(await blob.slice(offset, Math.min(size, offset + CHUNK_BYTES)).arrayBuffer());
      bytes.set(chunk, offset);
      onProgress?.({ stage: "reading", fraction: Math.min(1, (offset + chunk.byteLength) / size) });
    }
  } catch (error) {
    const reason = clip(error instanceof Error ? `${error.name}: ${error.message}` : String(error), 200);
    const name = clip(fileName);
    return { type: "failed", error: importMessage("unreadable-file", { fileName: name, reason }, { fileName: name, reason }) };
  }
  if (isCancelled()) return { type: "cancelled" };
  return { type: "bytes", bytes };
}
