import { detectCrsFromPrj, type CrsDetection } from "../geo/crsDetect";
import { crsProblem, type CrsSource } from "../geo/crsTypes";
import { organiseRingsByContainment } from "../geo/polygonValidity";
import { importMessage } from "./messages";
import { allSourcePairs, failure, finishImport, vertexLimitError } from "./assemble";
import { resolveCrs } from "./crsResolution";
import { draftsFromFeatures, skippedFeaturesWarning } from "./importGeoJson";
import { dbfLimitedTo, inspectDbf, inspectShp } from "./shapefileStructure";
import { clip, decodeText, isValidUtf8, toBytes } from "./text";
import type { CrsGuess, ImportMessage, ImportOptions, ImportResult, ParcelDraft } from "./types";
import { openZip } from "./zipArchive";

export interface DbfEncoding {
  /** A TextDecoder label. */
  label: string;
  source: "cpg" | "language-driver" | "utf-8-check" | "gbk-fallback";
}

const CPG_LABELS: [RegExp, string][] = [
  [/^(utf-?8|65001)$/i, "utf-8"],
  [/^(gbk|gb2312|gb18030|cp936|936|ansi[ _]?936|windows-?936|chinese|x-gbk)$/i, "gbk"],
  [/^(big5|cp950|950|ansi[ _]?950)$/i, "big5"],
  [/^(iso-?8859-?1|8859[-_]?1|88591|latin-?1|cp1252|1252|windows-?1252|ansi[ _]?1252)$/i, "windows-1252"],
];

/**
 * The encoding of a DBF's text: the .cpg when it names one, else the DBF header's language-driver byte
 * (0x4D/0x7A = code page 936), else UTF-8 when the bytes are valid UTF-8, else GBK — what a Chinese-locale
 * ArcGIS or SuperMap writes without saying so.
 */
export function dbfEncoding(cpg: string | undefined, dbf: Uint8Array): DbfEncoding {
  const declared = cpg?.trim();
  if (declared) {
    for (const [pattern, label] of CPG_LABELS) if (pattern.test(declared)) return { label, source: "cpg" };
    if (!/^(ansi|system|oem)$/i.test(declared)) {
      try {
        new TextDecoder(declared);
        return { label: declared.toLowerCase(), source: "cpg" };
      } catch {
        // An unknown label falls through to detection.
      }
    }
  }
  const languageDriver = dbf[29];
  if (languageDriver === 0x4d || languageDriver === 0x7a) return { label: "gbk", source: "language-driver" };
  if (languageDriver === 0x4f) return { label: "big5", source: "language-driver" };
  return isValidUtf8(dbf.subarray(32)) ? { label: "utf-8", source: "utf-8-check" } : { label: "gbk", source: "gbk-fallback" };
}

interface Layer {
  name: string;
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

const LAYER_PARTS = new Set(["shp", "dbf", "prj", "cpg"]);

async function readLayers(data: Uint8Array, fileName: string): Promise<{ ok: true; layers: Layer[] } | { ok: false; error: ImportMessage }> {
  const opened = await openZip(data, fileName, "zip", (name) => LAYER_PARTS.has(name.slice(name.lastIndexOf(".") + 1).toLowerCase()));
  if (!opened.ok) return opened;
  const { files, read } = opened.zip;
  const byStem = new Map<string, Map<string, (typeof files)[number]>>();
  for (const entry of files) {
    const match = /^(.*)\.([^./]+)$/.exec(entry.name);
    if (!match) continue;
    const stem = match[1]!;
    const extension = match[2]!.toLowerCase();
    const key = stem.toLowerCase();
    if (!byStem.has(key)) byStem.set(key, new Map());
    byStem.get(key)!.set(extension, entry);
  }
  const layers: Layer[] = [];
  for (const parts of byStem.values()) {
    const shp = parts.get("shp");
    if (!shp) continue;
    const shpBytes = await read(shp);
    if (!shpBytes.ok) return shpBytes;
    const layer: Layer = { name: clip(shp.name.replace(/^.*\//, "").replace(/\.shp$/i, ""), 120), shp: shpBytes.bytes };
    const dbf = parts.get("dbf");
    if (dbf) {
      const bytes = await read(dbf);
      if (!bytes.ok) return bytes;
      layer.dbf = bytes.bytes;
    }
    for (const extension of ["prj", "cpg"] as const) {
      const entry = parts.get(extension);
      if (!entry) continue;
      const bytes = await read(entry);
      if (!bytes.ok) return bytes;
      layer[extension] = decodeText(bytes.bytes).text.slice(0, extension === "prj" ? MAX_PRJ_LENGTH + 1 : 64);
    }
    layers.push(layer);
  }
  if (layers.length === 0) {
    const names = files.map((entry) => clip(entry.name, 60)).slice(0, 10);
    const other = files.find((entry) => /\.(kml|geojson|json|csv|txt|dwg|dxf)$/i.test(entry.name));
    return {
      ok: false,
      error: importMessage(
        "zip-without-shapefile",
        { fileName: clip(fileName), entries: names, ...(other ? { other: clip(other.name) } : {}) },
        { entries: names },
      ),
    };
  }
  return { ok: true, layers };
}

/**
 * The rings of one record grouped as GDAL does: by containment, not by winding (shpjs groups by winding, so a hole
 * wound like its shell would become a second, overlapping part). Counts the rings whose role (shell or hole) changed.
 */
function ringsByContainment(draft: ParcelDraft): { draft: ParcelDraft; reassigned: number } {
  if (draft.kind !== "polygon") return { draft, reassigned: 0 };
  const rings = draft.sourceCoordinates.flat(1);
  const wasShell = draft.sourceCoordinates.flatMap((part) => part.map((_, index) => index === 0));
  const polygons = organiseRingsByContainment(rings);
  let reassigned = 0;
  for (const polygon of polygons) polygon.forEach((ring, index) => (reassigned += wasShell[ring] === (index === 0) ? 0 : 1));
  if (reassigned === 0) return { draft, reassigned };
  return { draft: { ...draft, sourceCoordinates: polygons.map((polygon) => polygon.map((ring) => rings[ring]!)) }, reassigned };
}

/** A .prj is one line of WKT, a few hundred bytes; these bounds keep the recursive WKT reader safe. */
const MAX_PRJ_LENGTH = 64 * 1024;
const MAX_PRJ_DEPTH = 32;

/** The CRS a .prj declares; an oversized or absurdly nested one is unreadable (the values decide instead). */
function readPrj(prj: string, layer: string): CrsDetection {
  const source: CrsSource = { kind: "shapefile-prj", layer };
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < prj.length && prj.length <= MAX_PRJ_LENGTH; index++) {
    const code = prj.charCodeAt(index);
    if (code === 91 || code === 40) deepest = Math.max(deepest, ++depth);
    else if (code === 93 || code === 41) depth--;
  }
  if (prj.length > MAX_PRJ_LENGTH || deepest > MAX_PRJ_DEPTH) {
    const tooLong = prj.length > MAX_PRJ_LENGTH;
    return { ok: false, problem: crsProblem("oversized-prj", { source, layer, characters: prj.length, depth: deepest, tooLong }) };
  }
  return detectCrsFromPrj(prj, source);
}

/**
 * A zipped Shapefile. Geometry is read without reprojection (shpjs would silently project with proj4 and lose the
 * source coordinates); the .prj decides the CRS, which is reported as the file's; attributes are decoded per the
 * .cpg, or guessed (UTF-8, else GBK).
 */
export async function importShapefileZip(data: ArrayBuffer | Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const read = await readLayers(toBytes(data), fileName);
  if (!read.ok) return failure(read.error);
  const { parseShp, parseDbf } = await import("shpjs");

  const warnings: ImportMessage[] = [];
  const drafts: ParcelDraft[] = [];
  let chosen: { crs: CrsGuess; layer: string } | undefined;
  let vertices = 0;
  for (const layer of read.layers) {
    const structure = inspectShp(layer.shp, layer.name);
    if (!structure.ok) return failure(structure.error);
    vertices += structure.vertices;
    const limit = vertexLimitError(vertices);
    if (limit) return failure(limit);
    let geometries: ReturnType<typeof parseShp>;
    try {
      geometries = parseShp(layer.shp);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return failure(
        importMessage("invalid-shapefile.damaged", { layer: layer.name, parserMessage: clip(message) }, { layer: layer.name, parserMessage: message }),
      );
    }
    let records: Record<string, unknown>[] = [];
    if (layer.dbf) {
      const table = inspectDbf(layer.dbf, layer.name, geometries.length);
      if (!table.ok) return failure(table.error);
      const encoding = dbfEncoding(layer.cpg, layer.dbf);
      try {
        records = parseDbf(dbfLimitedTo(layer.dbf, geometries.length), encoding.label);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return failure(
          importMessage("invalid-dbf.damaged", { layer: layer.name, parserMessage: clip(message) }, { layer: layer.name, parserMessage: message }),
        );
      }
      if (encoding.source === "gbk-fallback") {
        warnings.push(importMessage("dbf-encoding-guessed", { layer: layer.name }, { layer: layer.name, encoding: "gbk" }));
      }
    } else {
      warnings.push(importMessage("missing-dbf", { layer: layer.name }, { layer: layer.name }));
    }
    const features = geometries.map((geometry, index) => ({ geometry, properties: records[index] ?? null }));
    const layerDrafts = draftsFromFeatures(features, layer.name);
    if (!layerDrafts.ok) {
      const error = layerDrafts.error;
      return failure({ ...importMessage("in-layer", { layer: layer.name, error }, error.detail), code: error.code });
    }
    warnings.push(...skippedFeaturesWarning(layerDrafts.skipped));
    if (layerDrafts.drafts.length === 0) continue;
    const organised = layerDrafts.drafts.map(ringsByContainment);
    const reassigned = organised.reduce((sum, item) => sum + item.reassigned, 0);
    if (reassigned > 0)
      warnings.push(importMessage("rings-organised-by-containment", { layer: layer.name, rings: reassigned }, { layer: layer.name, rings: reassigned }));
    layerDrafts.drafts = organised.map((item) => item.draft);

    const declared = layer.prj === undefined ? null : readPrj(layer.prj, layer.name);
    if (layer.prj === undefined && !options.crsOverride) {
      warnings.push(importMessage("missing-prj", { layer: layer.name }, { layer: layer.name }));
    }
    const resolution = resolveCrs(allSourcePairs(layerDrafts.drafts), declared, options);
    if (!resolution.ok) return failure(resolution.error);
    warnings.push(...resolution.warnings);
    if (chosen && (chosen.crs.code !== resolution.crs.code || chosen.crs.swappedAxes !== resolution.crs.swappedAxes)) {
      const layers: [string, string] = [chosen.layer, layer.name];
      const codes: [string, string] = [chosen.crs.code, resolution.crs.code];
      return failure(importMessage("mixed-crs-layers", { layers, codes }, { layers, codes }));
    }
    chosen ??= { crs: resolution.crs, layer: layer.name };
    const multipleLayers = read.layers.length > 1;
    drafts.push(...layerDrafts.drafts.map((draft) => (multipleLayers ? { ...draft, properties: { ...draft.properties, 图层: layer.name } } : draft)));
  }
  if (!chosen) {
    return failure(importMessage("no-parcels.shapefile", { fileName }));
  }
  return finishImport(drafts, chosen.crs, warnings, options);
}
