import { importMessage } from "./messages";
import { MAX_FILE_BYTES, type ImportMessage } from "./types";

/**
 * The size refusals, in a module of their own so the import client can refuse by `File.size` or the text's length
 * before reading a byte or starting a worker, without loading the parsers.
 */
export function fileTooLargeError(fileName: string, bytes: number): ImportMessage {
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  return importMessage("file-too-large", { fileName, megabytes, limitMegabytes: MAX_FILE_BYTES / 1024 / 1024 }, { fileName, bytes, limit: MAX_FILE_BYTES });
}

/** The pasted-text refusal: as many characters as the file limit has bytes. */
export function inputTooLargeError(characters: number): ImportMessage {
  return importMessage("input-too-large", { characters, limit: MAX_FILE_BYTES }, { characters, limit: MAX_FILE_BYTES });
}
