import type { ImportOptions, ImportResult } from "./types";

/** A reader gets the bytes, and for text formats the decoded text too. */
export type FormatReader = (input: {
  data: ArrayBuffer | Uint8Array;
  text: string;
  fileName: string;
  options: ImportOptions;
}) => ImportResult | Promise<ImportResult>;

/** One file format the site check reads: how it is recognised, and its reader, loaded on first use. */
export interface ImportFormat {
  id: string;
  /** Lower-case, with the dot, as the file picker's `accept` wants them. */
  extensions: readonly string[];
  mimeTypes: readonly string[];
  /** Archives are read as bytes; everything else is decoded to text first. */
  binary: boolean;
  /** True when the first bytes show the format; used for files without an extension. */
  sniff(head: Uint8Array): boolean;
  load(): Promise<FormatReader>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (head: Uint8Array, bytes: readonly number[]): boolean => bytes.every((byte, index) => head[index] === byte);
/** The first non-blank characters of a text file's head (after a UTF-8 byte-order mark). */
const textStart = (head: Uint8Array): string =>
  new TextDecoder("utf-8", { fatal: false })
    .decode(head.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart();

/**
 * Every format the importers read, in the order they are offered. The one list that the file picker's `accept`,
 * the extension dispatch, the sniffing and the "supported" message are derived from; it imports no parser.
 */
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  {
    id: "geojson",
    extensions: [".geojson", ".json"],
    mimeTypes: ["application/geo+json", "application/json"],
    binary: false,
    sniff: (head) => /^\{/.test(textStart(head)),
    load: async () => {
      const { importGeoJson } = await import("./importGeoJson");
      return ({ text, fileName, options }) => importGeoJson(text, fileName, options);
    },
  },
  {
    id: "kml",
    extensions: [".kml"],
    mimeTypes: ["application/vnd.google-earth.kml+xml"],
    binary: false,
    sniff: (head) => /^(<\?xml[^>]*>\s*)?<kml\b/i.test(textStart(head)),
    load: async () => {
      const { importKml } = await import("./importKml");
      return ({ data, fileName, options }) => importKml(data, fileName, options);
    },
  },
  {
    id: "kmz",
    extensions: [".kmz"],
    mimeTypes: ["application/vnd.google-earth.kmz"],
    binary: true,
    // A KMZ is a zip like a zipped Shapefile; without an extension the zip is read as a Shapefile.
    sniff: () => false,
    load: async () => {
      const { importKmz } = await import("./importKml");
      return ({ data, fileName, options }) => importKmz(data, fileName, options);
    },
  },
  {
    id: "shapefile-zip",
    extensions: [".zip"],
    mimeTypes: ["application/zip", "application/x-zip-compressed"],
    binary: true,
    sniff: (head) => startsWith(head, ZIP_MAGIC),
    load: async () => {
      const { importShapefileZip } = await import("./importShapefile");
      return ({ data, fileName, options }) => importShapefileZip(data, fileName, options);
    },
  },
  {
    id: "csv",
    extensions: [".csv"],
    mimeTypes: ["text/csv"],
    binary: false,
    sniff: () => false,
    load: async () => {
      const { importCsv } = await import("./importCsv");
      return ({ text, fileName, options }) => importCsv(text, fileName, options);
    },
  },
  {
    id: "text",
    extensions: [".txt"],
    mimeTypes: ["text/plain"],
    binary: false,
    sniff: () => false,
    load: async () => {
      const [{ importBoundaryTxt, isBoundaryTxt }, { importPastedCoordinates }] = await Promise.all([
        import("./importBoundaryTxt"),
        import("./pasteCoordinates"),
      ]);
      return ({ text, fileName, options }) => (isBoundaryTxt(text) ? importBoundaryTxt(text, fileName, options) : importPastedCoordinates(text, options));
    },
  },
  {
    id: "cass-dat",
    extensions: [".dat"],
    mimeTypes: [],
    binary: false,
    sniff: () => false,
    load: async () => {
      const { importCassDat } = await import("./importCassDat");
      return ({ text, fileName, options }) => importCassDat(text, fileName, options);
    },
  },
];

/** Every extension read, for messages and tests. */
export const SUPPORTED_EXTENSIONS: readonly string[] = IMPORT_FORMATS.flatMap((format) => format.extensions);

/** The file input's `accept` attribute: the extensions, and the MIME types browsers report for them. */
export const IMPORT_ACCEPT = [...SUPPORTED_EXTENSIONS, ...new Set(IMPORT_FORMATS.flatMap((format) => format.mimeTypes))].join(",");

/** The format of a file: by its extension, or, when it has none, by its first bytes. */
export function formatOf(extension: string, head: Uint8Array): ImportFormat | undefined {
  if (extension !== "") return IMPORT_FORMATS.find((format) => format.extensions.includes(extension));
  return IMPORT_FORMATS.find((format) => format.sniff(head));
}
