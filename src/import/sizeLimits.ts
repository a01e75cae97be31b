import { MAX_FILE_BYTES, type ImportMessage } from "./types";

/**
 * The size refusals, in a module of their own so the import client can refuse by `File.size` or the text's length
 * before reading a byte or starting a worker, without loading the parsers.
 */
export function fileTooLargeError(fileName: string, bytes: number): ImportMessage {
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  return {
    code: "file-too-large",
    zh: `文件「${fileName}」有 ${megabytes} MB，超过 ${MAX_FILE_BYTES / 1024 / 1024} MB 的上限，未读取。请只导出需要核查的地块。`,
    en: `The file "${fileName}" is ${megabytes} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit; it was not read. Export only the parcels to check.`,
    detail: { fileName, bytes, limit: MAX_FILE_BYTES },
  };
}

/** The pasted-text refusal: as many characters as the file limit has bytes. */
export function inputTooLargeError(characters: number): ImportMessage {
  return {
    code: "input-too-large",
    zh: `输入的文字共 ${characters} 个字符，超过上限 ${MAX_FILE_BYTES} 个字符（与 ${MAX_FILE_BYTES / 1024 / 1024} MB 的文件上限相当），未读取。请只粘贴需要核查的地块的界址点。`,
    en: `The text has ${characters} characters, over the limit of ${MAX_FILE_BYTES} (the same as the ${MAX_FILE_BYTES / 1024 / 1024} MB file limit); it was not read. Paste only the boundary points of the parcels to check.`,
    detail: { characters, limit: MAX_FILE_BYTES },
  };
}
