import type JSZip from "jszip";
import { clip, isValidUtf8 } from "./text";
import { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, type BilingualText, type ImportMessage } from "./types";

/** One entry as the zip's central directory declares it, read before anything is inflated. */
export interface ZipDirectoryEntry {
  name: string;
  /** 0 stored, 8 deflated; JSZip reads no other method. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
}

export type ZipDirectory = { ok: true; entries: ZipDirectoryEntry[] } | { ok: false; problem: BilingualText; code: "invalid-zip" | "zip-too-many-entries" };

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

const damaged = (zh: string, en: string): ZipDirectory => ({ ok: false, code: "invalid-zip", problem: { zh, en } });

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
    return length >= 4 && view.getUint32(0, true) === LOCAL_HEADER
      ? damaged(
          "以 zip 文件头开始，但缺少末尾的中央目录（文件被截断，可能下载或复制不完整）。",
          "starts like a zip but its end record (central directory) is missing: the file is truncated, perhaps an incomplete download or copy.",
        )
      : damaged("不是 zip 压缩文件（找不到 zip 的中央目录）。", "is not a zip archive (no zip central directory found).");
  }
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let directoryEnd = end;
  if (count === 0xffff || directorySize === 0xffffffff || view.getUint32(end + 16, true) === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) {
      return damaged("的 ZIP64 目录定位记录缺失或损坏。", "has a missing or damaged ZIP64 end-of-directory locator.");
    }
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > locator || view.getUint32(record, true) !== ZIP64_END) {
      return damaged("的 ZIP64 目录记录缺失或损坏。", "has a missing or damaged ZIP64 end-of-directory record.");
    }
    count = Number(view.getBigUint64(record + 32, true));
    directorySize = Number(view.getBigUint64(record + 40, true));
    directoryEnd = record;
  }
  if (count > MAX_ZIP_ENTRIES) {
    return {
      ok: false,
      code: "zip-too-many-entries",
      problem: {
        zh: `列出了 ${count} 个文件，超过上限 ${MAX_ZIP_ENTRIES} 个。请只打包需要导入的文件。`,
        en: `lists ${count} entries, more than the limit of ${MAX_ZIP_ENTRIES}. Zip only the files to import.`,
      },
    };
  }
  let offset = directoryEnd - directorySize;
  if (offset < 0 || directorySize < count * 46) {
    return damaged("的中央目录超出了文件范围（文件被截断或损坏）。", "has a central directory that does not fit in the file: it is truncated or damaged.");
  }
  const entries: ZipDirectoryEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > directoryEnd || view.getUint32(offset, true) !== CENTRAL_HEADER) {
      return damaged(`的中央目录在第 ${index + 1} 个文件处损坏。`, `has a central directory damaged at entry ${index + 1}.`);
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
      return damaged(`的中央目录在第 ${index + 1} 个文件处损坏。`, `has a central directory damaged at entry ${index + 1}.`);
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
function explainJsZipError(message: string): BilingualText {
  if (/end of central directory|missing \d+ bytes|expected \d+ records/i.test(message)) {
    return { zh: "zip 文件被截断或损坏", en: "the zip is truncated or damaged" };
  }
  if (/signature|local file header/i.test(message)) return { zh: "zip 中某个文件的头部损坏", en: "a file header inside the zip is damaged" };
  if (/size mismatch/i.test(message))
    return { zh: "zip 中某个文件解压后的大小与声明不符（文件损坏）", en: "an entry inflates to a size other than the one declared (damaged)" };
  return { zh: "zip 文件损坏", en: "the zip is damaged" };
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
  kind: BilingualText,
  wanted: (name: string) => boolean,
): Promise<{ ok: true; zip: OpenZip } | { ok: false; error: ImportMessage }> {
  const where = { zh: `${kind.zh}「${clip(fileName)}」`, en: `The ${kind.en} "${clip(fileName)}"` };
  const directory = readZipDirectory(data);
  if (!directory.ok) {
    return {
      ok: false,
      error: { code: directory.code, zh: `${where.zh}${directory.problem.zh}`, en: `${where.en} ${directory.problem.en}`, detail: { fileName } },
    };
  }
  const encrypted = directory.entries.find((entry) => entry.encrypted);
  if (encrypted) {
    return {
      ok: false,
      error: {
        code: "zip-encrypted",
        zh: `${where.zh}中的「${clip(encrypted.name)}」设有密码（加密），无法读取。请不加密重新压缩。`,
        en: `${where.en} holds "${clip(encrypted.name)}" encrypted with a password, which cannot be read. Zip it again without encryption.`,
        detail: { fileName, entry: encrypted.name },
      },
    };
  }
  const unsupported = directory.entries.find((entry) => entry.method !== 0 && entry.method !== 8);
  if (unsupported) {
    const method = METHOD_NAMES[unsupported.method] ?? `#${unsupported.method}`;
    return {
      ok: false,
      error: {
        code: "zip-unsupported-compression",
        zh: `${where.zh}中的「${clip(unsupported.name)}」使用 ${method} 压缩方式，只支持常用的 Deflate（或不压缩）。请用系统自带的「压缩」或 7-Zip 的 zip/Deflate 格式重新压缩。`,
        en: `${where.en} holds "${clip(unsupported.name)}" compressed with ${method}; only the usual Deflate (or no compression) can be read. Zip it again with the system's own zip or 7-Zip's zip/Deflate.`,
        detail: { fileName, entry: unsupported.name, method: unsupported.method },
      },
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
        error: {
          code: "unzipped-too-large",
          zh: `${where.zh}中的「${clip(entry.name)}」解压后有 ${megabytes(entry.uncompressedSize)} MB，超过单个文件 ${megabytes(MAX_FILE_BYTES)} MB 的上限，未解压即拒绝。`,
          en: `${where.en} holds "${clip(entry.name)}", which inflates to ${megabytes(entry.uncompressedSize)} MB, over the ${megabytes(MAX_FILE_BYTES)} MB limit for one file; refused before inflating.`,
          detail: { fileName, entry: entry.name, bytes: entry.uncompressedSize, limit: MAX_FILE_BYTES },
        },
      };
    }
  }
  if (total > MAX_UNZIPPED_BYTES) {
    return {
      ok: false,
      error: {
        code: "unzipped-too-large",
        zh: `${where.zh}中要读取的文件解压后共 ${megabytes(total)} MB，超过 ${megabytes(MAX_UNZIPPED_BYTES)} MB 的上限，未解压即拒绝。`,
        en: `${where.en}: the files to read inflate to ${megabytes(total)} MB in all, over the ${megabytes(MAX_UNZIPPED_BYTES)} MB limit; refused before inflating.`,
        detail: { fileName, bytes: total, limit: MAX_UNZIPPED_BYTES },
      },
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
      error: {
        code: "invalid-zip",
        zh: `${where.zh}无法打开：${explained.zh}。`,
        en: `${where.en} cannot be opened: ${explained.en}.`,
        detail: { fileName, parserMessage: message },
      },
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
        error: {
          code: "invalid-zip",
          zh: `${where.zh}中的「${clip(entry.name)}」无法解压：${explained.zh}。`,
          en: `${where.en}: "${clip(entry.name)}" cannot be inflated: ${explained.en}.`,
          detail: { fileName, entry: entry.name, parserMessage: message },
        },
      };
    }
    if (!outcome.ok) {
      const lying = declaredSize !== undefined && outcome.inflated > declaredSize;
      return {
        ok: false,
        error: {
          code: "unzipped-too-large",
          zh: lying
            ? `${where.zh}中的「${clip(entry.name)}」解压出的数据多于它声明的 ${declaredSize} 字节（压缩包损坏或是「zip 炸弹」），已在 ${outcome.inflated} 字节处停止。`
            : `${where.zh}中的「${clip(entry.name)}」解压后超过上限（单个文件 ${megabytes(MAX_FILE_BYTES)} MB，合计 ${megabytes(MAX_UNZIPPED_BYTES)} MB），已停止解压。`,
          en: lying
            ? `${where.en}: "${clip(entry.name)}" inflates to more than the ${declaredSize} bytes it declares (a damaged archive or a zip bomb); inflating stopped at ${outcome.inflated} bytes.`
            : `${where.en}: "${clip(entry.name)}" inflates past the limit (${megabytes(MAX_FILE_BYTES)} MB per file, ${megabytes(MAX_UNZIPPED_BYTES)} MB in all); inflating stopped.`,
          detail: { fileName, entry: entry.name, declared: declaredSize, inflatedAtLeast: outcome.inflated, limit: cap },
        },
      };
    }
    if (declaredSize !== undefined && outcome.bytes.byteLength !== declaredSize) {
      return {
        ok: false,
        error: {
          code: "invalid-zip",
          zh: `${where.zh}中的「${clip(entry.name)}」已损坏：解压得到 ${outcome.bytes.byteLength} 字节，而声明为 ${declaredSize} 字节。`,
          en: `${where.en}: "${clip(entry.name)}" is damaged: it inflates to ${outcome.bytes.byteLength} bytes, not the ${declaredSize} it declares.`,
          detail: { fileName, entry: entry.name, declared: declaredSize, inflated: outcome.bytes.byteLength },
        },
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
