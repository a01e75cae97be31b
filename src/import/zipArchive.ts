import type JSZip from "jszip";
import type { ZipDamage, ZipDirectoryProblem } from "../i18n/messages.importFiles";
import { importMessage } from "./messages";
import { clip, isValidUtf8 } from "./text";
import { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, type ImportMessage } from "./types";

/** One entry as the zip's central directory declares it, read before anything is inflated. */
export interface ZipDirectoryEntry {
  name: string;
  /** 0 stored, 8 deflated; JSZip reads no other method. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
}

export type ZipDirectory = { ok: true; entries: ZipDirectoryEntry[] } | { ok: false; problem: ZipDirectoryProblem };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * Archives made on Chinese Windows store GBK file names without the UTF-8 flag: UTF-8 when the bytes are valid
 * UTF-8, else GBK.
 */
function decodeEntryName(bytes: string[] | Uint8Array | Buffer): string {
  const array = Array.isArray(bytes) ? Uint8Array.from(bytes.map((character) => character.charCodeAt(0))) : new Uint8Array(bytes);
  return isValidUtf8(array) ? new TextDecoder("utf-8").decode(array) : new TextDecoder("gbk").decode(array);
}

const damaged = (problem: ZipDirectoryProblem): ZipDirectory => ({ ok: false, problem });

/**
 * Reads the central directory (entry names, methods, flags and declared sizes) without inflating anything, so that
 * limits are checked before JSZip or pako do any work. ZIP64 sizes are read from their extra field.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = bytes.byteLength;
  let end = -1;
  for (let index = length - 22; index >= Math.max(0, length - 22 - 0xffff); index--) {
    if (view.getUint32(index, true) === END_OF_CENTRAL_DIRECTORY) {
      end = index;
      break;
    }
  }
  if (end < 0) {
    return length >= 4 && view.getUint32(0, true) === LOCAL_HEADER ? damaged({ type: "truncated" }) : damaged({ type: "not-zip" });
  }
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let directoryEnd = end;
  if (count === 0xffff || directorySize === 0xffffffff || view.getUint32(end + 16, true) === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) {
      return damaged({ type: "zip64-locator" });
    }
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > locator || view.getUint32(record, true) !== ZIP64_END) {
      return damaged({ type: "zip64-record" });
    }
    count = Number(view.getBigUint64(record + 32, true));
    directorySize = Number(view.getBigUint64(record + 40, true));
    directoryEnd = record;
  }
  if (count > MAX_ZIP_ENTRIES) {
    return { ok: false, problem: { type: "too-many-entries", count, limit: MAX_ZIP_ENTRIES } };
  }
  let offset = directoryEnd - directorySize;
  if (offset < 0 || directorySize < count * 46) {
    return damaged({ type: "directory-outside" });
  }
  const entries: ZipDirectoryEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > directoryEnd || view.getUint32(offset, true) !== CENTRAL_HEADER) {
      return damaged({ type: "entry-damaged", entry: index + 1 });
    }
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const nameStart = offset + 46;
    const next = nameStart + nameLength + extraLength + commentLength;
    if (next > directoryEnd) {
      return damaged({ type: "entry-damaged", entry: index + 1 });
    }
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      let extra = nameStart + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = view.getUint16(extra, true);
        const size = view.getUint16(extra + 2, true);
        if (id === 0x0001) {
          let field = extra + 4;
          if (uncompressedSize === 0xffffffff && field + 8 <= extraEnd) {
            uncompressedSize = Number(view.getBigUint64(field, true));
            field += 8;
          }
          if (compressedSize === 0xffffffff && field + 8 <= extraEnd) compressedSize = Number(view.getBigUint64(field, true));
          break;
        }
        extra += 4 + size;
      }
    }
    const nameBytes = bytes.subarray(nameStart, nameStart + nameLength);
    const name = flags & 0x800 ? new TextDecoder("utf-8").decode(nameBytes) : decodeEntryName(nameBytes);
    entries.push({ name, method, encrypted: (flags & 1) === 1, compressedSize, uncompressedSize });
    offset = next;
  }
  return { ok: true, entries };
}

const METHOD_NAMES: Record<number, string> = {
  1: "Shrink",
  6: "Implode",
  9: "Deflate64",
  12: "BZIP2",
  14: "LZMA",
  93: "Zstandard",
  95: "XZ",
  98: "PPMd",
  99: "AES",
};

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** What JSZip's own error text means, for the rare damage the directory check above lets through. */
function explainJsZipError(message: string): ZipDamage {
  if (/end of central directory|missing \d+ bytes|expected \d+ records/i.test(message)) return "truncated";
  if (/signature|local file header/i.test(message)) return "header";
  if (/size mismatch/i.test(message)) return "size-mismatch";
  return "damaged";
}

export interface OpenZip {
  archive: JSZip;
  /** Files (not folders) JSZip found, named as decoded; `__MACOSX` and AppleDouble `._` entries are left out. */
  files: JSZip.JSZipObject[];
  /** Inflates one entry, held to its declared size, MAX_FILE_BYTES and what is left of MAX_UNZIPPED_BYTES. */
  read(entry: JSZip.JSZipObject): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: ImportMessage }>;
}

/**
 * Opens a zip or KMZ after checking, from its central directory alone, that it is whole, unencrypted, in a method
 * JSZip reads, not too many entries, and that the entries `wanted` declare at most MAX_FILE_BYTES each and
 * MAX_UNZIPPED_BYTES together. Reading an entry is then capped again as it inflates, so a zip that understates
 * its sizes (a zip bomb in disguise) stops at the limit.
 */
export async function openZip(
  data: Uint8Array,
  fileName: string,
  kind: "zip" | "KMZ",
  wanted: (name: string) => boolean,
): Promise<{ ok: true; zip: OpenZip } | { ok: false; error: ImportMessage }> {
  const where = { archive: kind, fileName: clip(fileName) };
  const directory = readZipDirectory(data);
  if (!directory.ok) {
    const key = directory.problem.type === "too-many-entries" ? "zip-too-many-entries" : "invalid-zip.directory";
    return { ok: false, error: importMessage(key, { ...where, problem: directory.problem }, { fileName }) };
  }
  const encrypted = directory.entries.find((entry) => entry.encrypted);
  if (encrypted) {
    return {
      ok: false,
      error: importMessage("zip-encrypted", { ...where, entry: clip(encrypted.name) }, { fileName, entry: encrypted.name }),
    };
  }
  const unsupported = directory.entries.find((entry) => entry.method !== 0 && entry.method !== 8);
  if (unsupported) {
    const method = METHOD_NAMES[unsupported.method] ?? `#${unsupported.method}`;
    return {
      ok: false,
      error: importMessage(
        "zip-unsupported-compression",
        { ...where, entry: clip(unsupported.name), method },
        { fileName, entry: unsupported.name, method: unsupported.method },
      ),
    };
  }
  const declared = new Map<string, number>();
  let total = 0;
  for (const entry of directory.entries) {
    if (entry.name.endsWith("/") || !wanted(entry.name)) continue;
    declared.set(entry.name, entry.uncompressedSize);
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > MAX_FILE_BYTES) {
      return {
        ok: false,
        error: importMessage(
          "unzipped-too-large.entry",
          { ...where, entry: clip(entry.name), megabytes: megabytes(entry.uncompressedSize), limitMegabytes: megabytes(MAX_FILE_BYTES) },
          { fileName, entry: entry.name, bytes: entry.uncompressedSize, limit: MAX_FILE_BYTES },
        ),
      };
    }
  }
  if (total > MAX_UNZIPPED_BYTES) {
    return {
      ok: false,
      error: importMessage(
        "unzipped-too-large.total",
        { ...where, megabytes: megabytes(total), limitMegabytes: megabytes(MAX_UNZIPPED_BYTES) },
        { fileName, bytes: total, limit: MAX_UNZIPPED_BYTES },
      ),
    };
  }

  const { default: JSZipClass } = await import("jszip");
  let archive: JSZip;
  try {
    archive = await JSZipClass.loadAsync(data, { decodeFileName: decodeEntryName });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const explained = explainJsZipError(message);
    return {
      ok: false,
      error: importMessage("invalid-zip.open", { ...where, damage: explained }, { fileName, parserMessage: message }),
    };
  }
  const files = Object.values(archive.files).filter((entry) => !entry.dir && !entry.name.includes("__MACOSX") && !/(^|\/)\._/.test(entry.name));
  let budget = MAX_UNZIPPED_BYTES;
  const read: OpenZip["read"] = async (entry) => {
    const declaredSize = declared.get(entry.unsafeOriginalName ?? entry.name);
    const cap = Math.min(declaredSize ?? MAX_FILE_BYTES, MAX_FILE_BYTES, budget);
    let outcome: Awaited<ReturnType<typeof inflateCapped>>;
    try {
      outcome = await inflateCapped(entry, cap);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const explained = explainJsZipError(message);
      return {
        ok: false,
        error: importMessage(
          "invalid-zip.entry",
          { ...where, entry: clip(entry.name), damage: explained },
          { fileName, entry: entry.name, parserMessage: message },
        ),
      };
    }
    if (!outcome.ok) {
      const detail = { fileName, entry: entry.name, declared: declaredSize, inflatedAtLeast: outcome.inflated, limit: cap };
      const error =
        declaredSize !== undefined && outcome.inflated > declaredSize
          ? importMessage("unzipped-too-large.understated", { ...where, entry: clip(entry.name), declared: declaredSize, inflated: outcome.inflated }, detail)
          : importMessage(
              "unzipped-too-large.inflating",
              { ...where, entry: clip(entry.name), fileLimitMegabytes: megabytes(MAX_FILE_BYTES), totalLimitMegabytes: megabytes(MAX_UNZIPPED_BYTES) },
              detail,
            );
      return { ok: false, error };
    }
    if (declaredSize !== undefined && outcome.bytes.byteLength !== declaredSize) {
      return {
        ok: false,
        error: importMessage(
          "invalid-zip.size-mismatch",
          { ...where, entry: clip(entry.name), inflated: outcome.bytes.byteLength, declared: declaredSize },
          { fileName, entry: entry.name, declared: declaredSize, inflated: outcome.bytes.byteLength },
        ),
      };
    }
    budget -= outcome.bytes.byteLength;
    return { ok: true, bytes: outcome.bytes };
  };
  return { ok: true, zip: { archive, files, read } };
}

/** The stream JSZip's typings leave out: `internalStream` is public in JSZip 3 but undeclared. */
interface EntryStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): EntryStream;
  on(event: "error", listener: (error: unknown) => void): EntryStream;
  on(event: "end", listener: () => void): EntryStream;
  resume(): EntryStream;
  pause(): EntryStream;
}

/** Inflates chunk by chunk and stops as soon as more than `cap` bytes have come out. */
function inflateCapped(entry: JSZip.JSZipObject, cap: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; inflated: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const stream = (entry as unknown as { internalStream(type: "uint8array"): EntryStream }).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (settled) return;
        size += chunk.byteLength;
        if (size > cap) {
          settled = true;
          chunks.length = 0;
          stream.pause();
          resolve({ ok: false, inflated: size });
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (error) => {
        if (settled) return;
        settled = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      })
      .on("end", () => {
        if (settled) return;
        settled = true;
        const bytes = new Uint8Array(size);
        let offset = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, offset);
          offset += chunk.byteLength;
        }
        resolve({ ok: true, bytes });
      })
      .resume();
  });
}
