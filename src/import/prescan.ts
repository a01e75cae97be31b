import type { CountedUnit } from "../i18n/messages.importGeneral";
import { importMessage } from "./messages";
import { MAX_NESTING_DEPTH, MAX_TEXT_LINES, MAX_VERTICES, type ImportMessage } from "./types";

export interface JsonShape {
  /** Deepest nesting of arrays and objects; the scan stops as soon as MAX_NESTING_DEPTH is passed. */
  depth: number;
  /**
   * Arrays whose first member is a number, inside arrays or as the value of "coordinates": every GeoJSON position
   * (a bbox or a flat numeric attribute is not counted). The vertex count, give or take arrays of number arrays
   * nested in attributes.
   */
  positions: number;
}

const isWhitespace = (code: number): boolean => code === 32 || code === 10 || code === 13 || code === 9;
/** `-`, `+`, `.` or a digit: what a JSON number starts with (`+` and `.` only in broken files). */
const startsNumber = (code: number): boolean => (code >= 48 && code <= 57) || code === 45 || code === 43 || code === 46;

/**
 * Nesting and positions of a JSON text in one pass, before JSON.parse: a hostile or oversized file is refused in
 * linear time with a specific message instead of overflowing the stack later or stalling in the parser.
 */
export function jsonShape(text: string): JsonShape {
  let depth = 0;
  let maxDepth = 0;
  let positions = 0;
  let inString = false;
  let previous = 0;
  let positionStart = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92) index++;
      else if (code === 34) {
        inString = false;
        previous = 34;
      }
      continue;
    }
    if (isWhitespace(code)) continue;
    if (positionStart) {
      if (startsNumber(code)) positions++;
      positionStart = false;
    }
    if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      depth++;
      if (depth > maxDepth) {
        maxDepth = depth;
        if (maxDepth > MAX_NESTING_DEPTH) return { depth: maxDepth, positions };
      }
      if (
        code === 91 &&
        (previous === 91 || previous === 44 || (previous === 58 && /"coordinates"\s*:\s*$/.test(text.slice(Math.max(0, index - 40), index))))
      ) {
        positionStart = true;
      }
    } else if (code === 93 || code === 125) depth--;
    previous = code;
  }
  return { depth: maxDepth, positions };
}

export interface XmlShape {
  /** Deepest element nesting; the scan stops as soon as MAX_NESTING_DEPTH is passed. */
  depth: number;
  /** A DOCTYPE with an internal subset: KML needs none, and it is where "billion laughs" entities live. */
  internalSubset: boolean;
  /** Whitespace-separated tuples in <coordinates> elements plus <gx:coord> elements: the vertices. */
  coordinateTuples: number;
}

function countTuples(text: string, start: number, end: number): number {
  let count = 0;
  let inTuple = false;
  for (let index = start; index < end; index++) {
    const space = isWhitespace(text.charCodeAt(index));
    if (!space && !inTuple) count++;
    inTuple = !space;
  }
  return count;
}

/** Element nesting, DTD subsets and coordinate tuples of an XML text in one pass, before the XML parser. */
export function xmlShape(text: string): XmlShape {
  const endOf = (pattern: string, from: number): number => {
    const at = text.indexOf(pattern, from);
    return at < 0 ? -1 : at + pattern.length - 1;
  };
  let depth = 0;
  let maxDepth = 0;
  let tuples = 0;
  let internalSubset = false;
  let index = text.indexOf("<");
  while (index >= 0 && index < text.length) {
    const next = text.charCodeAt(index + 1);
    let end: number;
    if (next === 33 /* ! */) {
      if (text.startsWith("<!--", index)) end = endOf("-->", index + 4);
      else if (text.startsWith("<![CDATA[", index)) end = endOf("]]>", index + 9);
      else {
        end = text.indexOf(">", index);
        const bracket = text.indexOf("[", index);
        if (/^<!DOCTYPE/i.test(text.slice(index, index + 9)) && bracket >= 0 && (end < 0 || bracket < end)) {
          internalSubset = true;
          break;
        }
      }
    } else if (next === 63 /* ? */) end = endOf("?>", index + 2);
    else if (next === 47 /* / */) {
      end = text.indexOf(">", index);
      depth--;
    } else {
      end = text.indexOf(">", index);
      if (end < 0) break;
      if (text.charCodeAt(end - 1) !== 47) {
        depth++;
        if (depth > maxDepth) {
          maxDepth = depth;
          if (maxDepth > MAX_NESTING_DEPTH) break;
        }
      }
      const name = /^<([\w.:-]+)/.exec(text.slice(index, Math.min(end, index + 64)))?.[1] ?? "";
      const localName = name.slice(name.indexOf(":") + 1);
      if (localName === "coordinates") {
        const close = text.indexOf("<", end + 1);
        tuples += countTuples(text, end + 1, close < 0 ? text.length : close);
      } else if (localName === "coord") tuples++;
    }
    if (end < 0) break;
    index = text.indexOf("<", end + 1);
  }
  return { depth: maxDepth, internalSubset, coordinateTuples: tuples };
}

export interface TextShape {
  lines: number;
  /** Lines with at least two runs of digits (ASCII or full-width): every vertex line of a text format is one. */
  coordinateLines: number;
}

/** Lines, and lines that may hold a vertex, in one pass before the text is split or parsed. */
export function textShape(text: string): TextShape {
  let lines = 1;
  let coordinateLines = 0;
  let runs = 0;
  let inDigits = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) {
      if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
      lines++;
      if (runs >= 2) coordinateLines++;
      runs = 0;
      inDigits = false;
      continue;
    }
    const digit = (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
    if (digit && !inDigits) runs++;
    inDigits = digit;
  }
  return { lines, coordinateLines: runs >= 2 ? coordinateLines + 1 : coordinateLines };
}

export function tooDeeplyNested(fileName: string, format: "json" | "xml", depth: number): ImportMessage {
  return importMessage("too-deeply-nested", { fileName, format, limit: MAX_NESTING_DEPTH }, { depthAtLeast: depth, limit: MAX_NESTING_DEPTH });
}

/** The vertex limit, refused from a count made before parsing. */
export function tooManyVerticesBeforeParsing(counted: number, unit: CountedUnit): ImportMessage {
  return importMessage(
    "too-many-vertices.before-parsing",
    { counted, unit, limit: MAX_VERTICES },
    { verticesAtLeast: counted, limit: MAX_VERTICES, counted: "before-parsing" },
  );
}

/**
 * The limits for the line-based formats (pasted text, CSV, 界址点 TXT, CASS .dat), before the text is split: the
 * vertex limit, and MAX_TEXT_LINES, since 25 million empty lines fit in 50 MB and would cost gigabytes once split.
 */
export function lineLimitError(text: string): ImportMessage | null {
  const shape = textShape(text);
  if (shape.coordinateLines > MAX_VERTICES) return tooManyVerticesBeforeParsing(shape.coordinateLines, "lines");
  if (shape.lines > MAX_TEXT_LINES) {
    return importMessage(
      "too-many-lines",
      { lines: shape.lines, limit: MAX_TEXT_LINES, vertexLimit: MAX_VERTICES },
      { lines: shape.lines, limit: MAX_TEXT_LINES },
    );
  }
  return null;
}
