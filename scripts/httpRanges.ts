import type { IncomingMessage, ServerResponse } from "node:http";

/** The bytes a `Range` header asks for, inclusive; "whole" without one, "unsatisfiable" for one this file cannot meet. */
export type RequestedRange = { type: "whole" } | { type: "range"; start: number; end: number } | { type: "unsatisfiable" };

/** Parses a single-range `Range: bytes=…` header (`a-b`, `a-`, `-suffix`), as PMTiles and FlatGeobuf readers send. */
export function requestedRange(header: string | undefined, size: number): RequestedRange {
  if (header === undefined) return { type: "whole" };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges in one request are legal but no reader here sends them; answering with the whole file is allowed.
  if (!match || (match[1] === "" && match[2] === "")) return { type: "whole" };
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return { type: "unsatisfiable" };
    return { type: "range", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return { type: "unsatisfiable" };
  return { type: "range", start, end };
}

/** Sends a file's bytes, honouring a byte-range request with 206 Partial Content, as object storage and CDNs do. */
export function sendBytes(request: IncomingMessage, response: ServerResponse, bytes: Uint8Array): void {
  response.setHeader("Accept-Ranges", "bytes");
  const range = requestedRange(request.headers.range, bytes.length);
  if (range.type === "unsatisfiable") {
    response.statusCode = 416;
    response.setHeader("Content-Range", `bytes */${bytes.length}`);
    response.end();
    return;
  }
  if (range.type === "whole") {
    response.setHeader("Content-Length", bytes.length);
    response.end(bytes);
    return;
  }
  response.statusCode = 206;
  response.setHeader("Content-Range", `bytes ${range.start}-${range.end}/${bytes.length}`);
  response.setHeader("Content-Length", range.end - range.start + 1);
  response.end(bytes.subarray(range.start, range.end + 1));
}
