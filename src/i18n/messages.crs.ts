import { grouped } from "./grouped";
import type {
  BilingualText,
  BoundaryStatements,
  CrsProblem,
  CrsProblemKind,
  CrsProblemParams,
  CrsReason,
  CrsReasonCode,
  CrsReasonParams,
  CrsSource,
  CrsWarning,
  ImportCrsCode,
  LikelyMistakeParams,
  Magnitude,
  ObservedColumn,
  ZoneOrigin,
} from "../geo/crsTypes";
import type { Language } from "./language";
import { IMPORT_GENERAL_TEXT } from "./messages.importGeneral";

/** Names of the coordinate systems an import can be read in, as the choice list and the reasons show them. */
export const CRS_NAME_TEXT: Record<ImportCrsCode, BilingualText> = {
  "EPSG:4326": { zh: "WGS-84 经纬度（EPSG:4326）", en: "WGS-84 longitude/latitude (EPSG:4326)" },
  "EPSG:4490": { zh: "CGCS2000 经纬度（EPSG:4490）", en: "CGCS2000 longitude/latitude (EPSG:4490)" },
  "EPSG:4544": {
    zh: "CGCS2000 3° 高斯-克吕格，中央经线 105°E，东坐标不带带号（EPSG:4544）",
    en: "CGCS2000 3° Gauss–Krüger CM 105°E, eastings without zone number (EPSG:4544)",
  },
  "EPSG:4523": {
    zh: "CGCS2000 3° 高斯-克吕格第 35 带，东坐标带带号 35（EPSG:4523）",
    en: "CGCS2000 3° Gauss–Krüger zone 35, eastings prefixed with 35 (EPSG:4523)",
  },
  "GCJ-02": { zh: "GCJ-02 火星坐标（高德/腾讯地图）", en: "GCJ-02 (AMap/Tencent web-map offset coordinates)" },
  "BD-09": { zh: "BD-09 百度坐标（百度地图）", en: "BD-09 (Baidu Maps offset coordinates)" },
};

function axisOrderText(projected: boolean, swapped: boolean): BilingualText {
  if (projected) {
    return swapped
      ? { zh: "北坐标 X 在前、东坐标 Y 在后", en: "northing (X) first, easting (Y) second" }
      : { zh: "东坐标在前、北坐标在后", en: "easting first, northing second" };
  }
  return swapped ? { zh: "纬度在前、经度在后", en: "latitude first, longitude second" } : { zh: "经度在前、纬度在后", en: "longitude first, latitude second" };
}

const SWAPPED_TOO: BilingualText = { zh: "，且 X、Y 顺序颠倒", en: ", and X and Y are swapped" };
const NOTHING: BilingualText = { zh: "", en: "" };

function likelyMistakeText(mistake: LikelyMistakeParams): BilingualText {
  switch (mistake.kind) {
    case "swap-axes":
      return mistake.projected
        ? { zh: "X、Y 顺序颠倒（测量习惯 X 为北坐标、Y 为东坐标）", en: "X and Y are swapped (surveyors write X = northing, Y = easting)" }
        : { zh: "经纬度顺序颠倒（纬度写在了前面，或相反）", en: "latitude and longitude are swapped" };
    case "zone-prefix": {
      const swap = mistake.swapped ? SWAPPED_TOO : NOTHING;
      return mistake.prefixMissing
        ? { zh: `东坐标缺少带号 35（应按 EPSG:4544 读取）${swap.zh}`, en: `the eastings lack the zone number 35 (read them as EPSG:4544)${swap.en}` }
        : { zh: `东坐标带有带号 35（应按 EPSG:4523 读取）${swap.zh}`, en: `the eastings carry the zone number 35 (read them as EPSG:4523)${swap.en}` };
    }
    case "central-meridian": {
      const { centralMeridian, prefixed } = mistake;
      const zone = centralMeridian / 3;
      const swap = mistake.swapped ? SWAPPED_TOO : NOTHING;
      return {
        zh: `坐标属于另一投影带：中央经线 ${centralMeridian}°E（3° 带第 ${zone} 带${prefixed ? `，东坐标带带号 ${zone}` : "，不带带号"}）${swap.zh}，需先在测绘软件中换带`,
        en: `the coordinates are in another zone: central meridian ${centralMeridian}°E (3° zone ${zone}${prefixed ? `, eastings prefixed with ${zone}` : ", no zone number"})${swap.en}; reproject them in survey software first`,
      };
    }
    case "six-degree-zone-18": {
      const swap = mistake.swapped ? SWAPPED_TOO : NOTHING;
      return {
        zh: `坐标为 6° 带第 18 带（中央经线 105°E，东坐标带带号 18）${swap.zh}：去掉带号 18 后按 EPSG:4544 读取`,
        en: `the coordinates are 6° zone 18 (central meridian 105°E, eastings prefixed with 18)${swap.en}: remove the 18 and read them as EPSG:4544`,
      };
    }
    case "degrees":
      return {
        zh: `坐标其实是经纬度（${mistake.latitudeFirst ? "纬度在前" : "经度在前"}），不是平面坐标`,
        en: `the coordinates are longitude/latitude (${mistake.latitudeFirst ? "latitude first" : "longitude first"}), not metres`,
      };
    case "not-offset":
      return { zh: `坐标其实是 WGS-84/CGCS2000 经纬度，不是 ${mistake.code}`, en: `the coordinates are WGS-84/CGCS2000, not ${mistake.code}` };
    case "gcj-02":
      return {
        zh: "坐标取自高德/腾讯等网络地图（GCJ-02 火星坐标；在大足约向东偏 0.35 km、向南偏 0.3 km）：请按 GCJ-02 读取",
        en: "the coordinates were copied from AMap/Tencent web maps (GCJ-02; offset about 0.35 km east and 0.3 km south here): read them as GCJ-02",
      };
    case "bd-09":
      return {
        zh: "坐标取自百度地图（BD-09；在大足约向东偏 1 km、向北偏 0.4 km）：请按 BD-09 读取",
        en: "the coordinates were copied from Baidu maps (BD-09; offset about 1 km east and 0.4 km north here): read them as BD-09",
      };
    case "metres": {
      const name = CRS_NAME_TEXT[mistake.code];
      const order = axisOrderText(true, mistake.swapped);
      return { zh: `坐标其实是平面坐标（${name.zh}，${order.zh}）`, en: `the coordinates are metres (${name.en}, ${order.en})` };
    }
  }
}

/** The likely mistakes named in both languages, joined as alternatives ("…；或…" / "…; or …"). */
export function likelyMistakesText(mistakes: readonly { mistake: LikelyMistakeParams }[]): BilingualText {
  const texts = mistakes.map((mistake) => likelyMistakeText(mistake.mistake));
  return { zh: texts.map((text) => text.zh).join("；或"), en: texts.map((text) => text.en).join("; or ") };
}

// ---------------------------------------------------------------------------------------------------------------
// Reasons

const SOURCE_TEXT: { [Kind in CrsSource["kind"]]: (source: Extract<CrsSource, { kind: Kind }>) => BilingualText } = {
  prj: () => ({ zh: ".prj 文件", en: "The .prj file" }),
  "shapefile-prj": ({ layer }) => ({ zh: `「${layer}.prj」`, en: `"${layer}.prj"` }),
  "geojson-crs": () => ({ zh: "GeoJSON 的 crs 成员", en: "The GeoJSON crs member" }),
  "pasted-statement": () => ({ zh: "粘贴文本中的坐标系行", en: "The coordinate-system line in the pasted text" }),
  "boundary-attributes": () => ({ zh: "界址点文件的属性描述", en: "The boundary file's attribute block" }),
};

function sourceText(source: CrsSource): BilingualText {
  const base = (SOURCE_TEXT[source.kind] as (source: CrsSource) => BilingualText)(source);
  return source.wktName === undefined ? base : { zh: `${base.zh}（${source.wktName}）`, en: `${base.en} (${source.wktName})` };
}

const MAGNITUDE_TEXT: Record<Magnitude, BilingualText> = {
  longitude: { zh: "经度（73–136）", en: "a longitude (73–136)" },
  latitude: { zh: "纬度（3–54）", en: "a latitude (3–54)" },
  easting: { zh: " 6 位数东坐标（不带带号）", en: "a 6-digit easting (no zone number)" },
  zonedEasting: { zh: " 8 位数东坐标（前两位为带号）", en: "an 8-digit easting (first two digits are the zone)" },
  northing: { zh: " 7 位数北坐标", en: "a 7-digit northing" },
  unknown: { zh: "无法识别的数值", en: "not recognisable" },
};

/** A column's values as their range, "569 000.0 … 569 200.0", or "—" when none is a number. */
export function rangeText(range: ObservedColumn["range"]): string {
  if (!range) return "—";
  const decimals = Math.abs(range.maximum) < 1000 ? 4 : 1;
  return range.minimum === range.maximum ? grouped(range.minimum, decimals) : `${grouped(range.minimum, decimals)} … ${grouped(range.maximum, decimals)}`;
}

function observedText(first: ObservedColumn, second: ObservedColumn): BilingualText {
  return {
    zh: `第一个数 ${rangeText(first.range)} 为${MAGNITUDE_TEXT[first.magnitude].zh}，第二个数 ${rangeText(second.range)} 为${MAGNITUDE_TEXT[second.magnitude].zh}`,
    en: `The first number, ${rangeText(first.range)}, is ${MAGNITUDE_TEXT[first.magnitude].en}; the second, ${rangeText(second.range)}, is ${MAGNITUDE_TEXT[second.magnitude].en}`,
  };
}

function statementsText({ system, zoneWidth, zone, projection }: BoundaryStatements): BilingualText {
  return {
    zh: [system && `坐标系=${system}`, zoneWidth && `几度分带=${zoneWidth}`, zone && `带号=${zone}`, projection && `投影类型=${projection}`]
      .filter(Boolean)
      .join("，"),
    en: [system && `system ${system}`, zoneWidth && `${zoneWidth}° zones`, zone && `zone ${zone}`, projection && `projection ${projection}`]
      .filter(Boolean)
      .join(", "),
  };
}

/** Each sentence a CRS reason is made of, in both languages. */
const CRS_REASON_TEXT: { [Code in CrsReasonCode]: (params: CrsReasonParams[Code]) => BilingualText } = {
  "epsg-declared": ({ source, epsg, crs }) => {
    const [from, name] = [sourceText(source), CRS_NAME_TEXT[crs]];
    return { zh: `${from.zh}声明 EPSG:${epsg}：${name.zh}。`, en: `${from.en} declares EPSG:${epsg}: ${name.en}.` };
  },
  "epsg-4507": ({ source }) => {
    const from = sourceText(source);
    return {
      zh: `${from.zh}声明 EPSG:4507（CGCS2000 6° 带中央经线 105°E），与 EPSG:4544 投影参数完全相同，按 EPSG:4544 换算。`,
      en: `${from.en} declares EPSG:4507 (CGCS2000 6° Gauss–Krüger CM 105°E), whose parameters are identical to EPSG:4544; converted as EPSG:4544.`,
    };
  },
  "prj-geographic": ({ source, name, datum, crs }) => {
    const [from, crsName] = [sourceText(source), CRS_NAME_TEXT[crs]];
    return {
      zh: `${from.zh}声明经纬度坐标系「${name}」（${datum}）→ ${crsName.zh}。`,
      en: `${from.en} declares the geographic system "${name}" (${datum}) → ${crsName.en}.`,
    };
  },
  "prj-gauss-kruger": ({ source, name, falseEasting, datum, crs }) => {
    const [from, crsName] = [sourceText(source), CRS_NAME_TEXT[crs]];
    const datumText =
      datum === "CGCS2000"
        ? { zh: "CGCS2000 基准", en: "CGCS2000 datum" }
        : { zh: "WGS-84 基准（与 CGCS2000 相差不到 1 m，按 CGCS2000 处理）", en: "WGS-84 datum (within 1 m of CGCS2000; treated as CGCS2000)" };
    return {
      zh: `${from.zh}「${name}」：高斯-克吕格投影，中央经线 105°E，东偏移 ${grouped(falseEasting)} m，${datumText.zh} → ${crsName.zh}。`,
      en: `${from.en} "${name}": Gauss–Krüger, central meridian 105°E, false easting ${grouped(falseEasting)} m, ${datumText.en} → ${crsName.en}.`,
    };
  },
  "geojson-crs84": ({ name }) => ({
    zh: `GeoJSON 的 crs 成员声明 ${name}（WGS-84 经纬度）。`,
    en: `The GeoJSON crs member declares ${name} (WGS-84 longitude/latitude).`,
  }),
  "values-degrees": ({ first, second, swappedAxes }) => {
    const [observed, order] = [observedText(first, second), axisOrderText(false, swappedAxes)];
    return {
      zh: `${observed.zh}：数值像经纬度 → 按经纬度读取（${order.zh}）。按 WGS-84 处理；CGCS2000 经纬度与之相差不到 1 m。若坐标取自高德/腾讯地图，请改选 GCJ-02；取自百度地图，请改选 BD-09。`,
      en: `${observed.en}: the values look like longitude/latitude → read as longitude/latitude (${order.en}). Treated as WGS-84; CGCS2000 longitude/latitude differ by less than 1 m. If the coordinates were copied from AMap or Tencent maps, choose GCJ-02 instead; from Baidu maps, BD-09.`,
    };
  },
  "values-gauss-kruger": ({ first, second, crs, swappedAxes }) => {
    const [observed, order, name] = [observedText(first, second), axisOrderText(true, swappedAxes), CRS_NAME_TEXT[crs]];
    const zoneNote =
      crs === "EPSG:4523"
        ? { zh: "东坐标前两位为带号 35", en: "the eastings start with the zone number 35" }
        : { zh: "东坐标不带带号，按大足区所在的中央经线 105°E 处理", en: "the eastings have no zone number and are taken as central meridian 105°E, Dazu's" };
    return {
      zh: `${observed.zh}：数值像高斯-克吕格平面坐标（米）；${zoneNote.zh} → ${name.zh}，${order.zh}${swappedAxes ? "（测量习惯：X 为北坐标）" : ""}。`,
      en: `${observed.en}: the values look like Gauss–Krüger metres; ${zoneNote.en} → ${name.en}, ${order.en}${swappedAxes ? " (surveying convention: X is the northing)" : ""}.`,
    };
  },
  "axis-order-from-values": ({ projected, swappedAxes }) => {
    const order = axisOrderText(projected, swappedAxes);
    return { zh: `坐标顺序按数值判断为${order.zh}。`, en: `Axis order taken from the values: ${order.en}.` };
  },
  "user-choice": ({ crs, swappedAxes }) => {
    const name = CRS_NAME_TEXT[crs];
    return {
      zh: `按用户选择读取：${name.zh}${swappedAxes ? "，第一个数为北坐标/纬度" : ""}。`,
      en: `Read as chosen by the user: ${name.en}${swappedAxes ? ", first number = northing/latitude" : ""}.`,
    };
  },
  statement: ({ source, statement, metres, crs }) => {
    const [from, name] = [sourceText(source), CRS_NAME_TEXT[crs]];
    return {
      zh: `${from.zh}「${statement}」${metres ? "，东坐标是否带带号按数值判断" : ""} → ${name.zh}。`,
      en: `${from.en} "${statement}"${metres ? "; the zone prefix on the eastings is taken from the values" : ""} → ${name.en}.`,
    };
  },
  "boundary-attributes": ({ statements, crs }) => {
    const [from, stated, name] = [sourceText({ kind: "boundary-attributes" }), statementsText(statements), CRS_NAME_TEXT[crs]];
    return {
      zh: `${from.zh}：${stated.zh}；界址点按「点号,圈号,X(北),Y(东)」排列${crs === "EPSG:4523" ? "，Y 带带号 35" : "，Y 不带带号"} → ${name.zh}。`,
      en: `${from.en}: ${stated.en}; points are listed as "label, ring, X (northing), Y (easting)"${crs === "EPSG:4523" ? ", Y prefixed with zone 35" : ", Y without zone number"} → ${name.en}.`,
    };
  },
  "cass-dat": ({ crs }) => {
    const name = CRS_NAME_TEXT[crs];
    return {
      zh: `南方 CASS 坐标数据文件：第三列为 Y（东坐标）、第四列为 X（北坐标）；${crs === "EPSG:4523" ? "东坐标带带号 35" : "东坐标不带带号"} → ${name.zh}。`,
      en: `南方 CASS coordinate file: third field Y (easting), fourth X (northing); ${crs === "EPSG:4523" ? "eastings carry the zone number 35" : "eastings without zone number"} → ${name.en}.`,
    };
  },
  kml: () => ({
    zh: "KML 规定坐标为 WGS-84 经纬度（经度在前）。注意：从奥维、高德等导出的 KML 有时是 GCJ-02 偏移坐标。",
    en: "KML coordinates are WGS-84 longitude/latitude (longitude first) by definition. Note: KML exported from Ovital or AMap is sometimes GCJ-02-offset.",
  }),
  "geojson-no-crs": () => ({ zh: "GeoJSON 没有 crs 成员，按坐标数值判断：", en: "The GeoJSON has no crs member; inferred from the values:" }),
  "csv-columns": ({ columns, group }) => ({
    zh: `CSV 坐标列：「${columns[0]}」「${columns[1]}」${group ? `，按「${group.column}」分为 ${group.parcels} 个地块` : ""}。`,
    en: `CSV coordinate columns: "${columns[0]}", "${columns[1]}"${group ? `, grouped by "${group.column}" into ${group.parcels} parcels` : ""}.`,
  }),
  "pasted-summary": ({ points, parcels, dms, labelled, marks, headerSkipped }) => ({
    zh: `读取 ${points} 个点、${parcels} 个地块${dms ? "，含度分秒" : ""}${labelled ? "，带点号" : ""}${marks ? "，带 N/E 方向标记" : ""}${headerSkipped ? "，已跳过表头行" : ""}。`,
    en: `Read ${points} points in ${parcels} parcel${parcels > 1 ? "s" : ""}${dms ? ", including degrees–minutes–seconds" : ""}${labelled ? ", with point labels" : ""}${marks ? ", with N/E marks" : ""}${headerSkipped ? ", header line skipped" : ""}.`,
  }),
  "stored-text": ({ zh, en }) => ({ zh, en }),
};

/** A reason in both languages: its sentences in order, joined without a space in Chinese and with one in English. */
export function crsReasonBilingual(reason: CrsReason): BilingualText {
  const texts = reason.map((part) => (CRS_REASON_TEXT[part.code] as (params: unknown) => BilingualText)(part.params));
  return { zh: texts.map((text) => text.zh).join(""), en: texts.map((text) => text.en).join(" ") };
}

export function crsReasonText(reason: CrsReason, language: Language): string {
  return crsReasonBilingual(reason)[language];
}

// ---------------------------------------------------------------------------------------------------------------
// Problems and warnings

function zoneSubject(origin: ZoneOrigin): BilingualText {
  switch (origin.kind) {
    case "epsg": {
      const from = sourceText(origin.source);
      return { zh: `${from.zh}声明的 EPSG:${origin.epsg} `, en: `${from.en} declares EPSG:${origin.epsg}, which` };
    }
    case "projection": {
      const from = sourceText(origin.source);
      return { zh: `${from.zh}「${origin.name}」`, en: `${from.en} "${origin.name}"` };
    }
    case "values":
      return { zh: `坐标的东坐标带号 ${origin.zone}，即`, en: `The eastings carry the zone number ${origin.zone}, so the data` };
  }
}

const EXPORT_AS = {
  zh: "请导出为 CGCS2000 3° 带 35（EPSG:4523）、中央经线 105°（EPSG:4544）或经纬度（EPSG:4490/4326）。",
  en: "Export as CGCS2000 3° zone 35 (EPSG:4523), CM 105°E (EPSG:4544) or longitude/latitude (EPSG:4490/4326).",
};

const CRS_PROBLEM_TEXT: { [Kind in CrsProblemKind]: (params: CrsProblemParams[Kind]) => BilingualText } = {
  "unsupported-zone": ({ origin, centralMeridian, falseEasting }) => {
    const subject = zoneSubject(origin);
    if (centralMeridian === 105 && falseEasting === 18_500_000) {
      return {
        zh: `${subject.zh}为 6° 带第 18 带（中央经线 105°E，东坐标带带号 18）。投影与 EPSG:4544 相同：请去掉东坐标前的“18”，或在导入时选择 EPSG:4544 后重新导入。`,
        en: `${subject.en} is 6° zone 18 (central meridian 105°E, eastings prefixed with 18). The projection is the same as EPSG:4544: remove the leading "18" from the eastings, or choose EPSG:4544 when importing.`,
      };
    }
    const zone3 = centralMeridian / 3;
    const zone6 = (centralMeridian + 3) / 6;
    const zoneText = Number.isInteger(zone3)
      ? { zh: `3° 带第 ${zone3} 带`, en: `3° zone ${zone3}` }
      : Number.isInteger(zone6)
        ? { zh: `6° 带第 ${zone6} 带`, en: `6° zone ${zone6}` }
        : { zh: "非标准分带", en: "a non-standard zone" };
    return {
      zh: `${subject.zh}为中央经线 ${centralMeridian}°E（${zoneText.zh}，东偏移 ${grouped(falseEasting)} m）。大足区位于 3° 带第 35 带（中央经线 105°E），本工具只换算 CGCS2000 3° 带 35 / 中央经线 105°（EPSG:4523 / EPSG:4544）。请在测绘软件中转换后再导入。`,
      en: `${subject.en} uses central meridian ${centralMeridian}°E (${zoneText.en}, false easting ${grouped(falseEasting)} m). Dazu lies in 3° zone 35 (central meridian 105°E); this tool converts only CGCS2000 3° zone 35 / CM 105°E (EPSG:4523 / EPSG:4544). Reproject the data in your survey software first.`,
    };
  },
  "unsupported-epsg": ({ source, epsg, utm }) => {
    const from = sourceText(source);
    return utm
      ? {
          zh: `${from.zh}声明 EPSG:${epsg}（WGS-84 UTM 投影，比例因子 0.9996），不是 CGCS2000 高斯-克吕格投影，本工具不换算。${EXPORT_AS.zh}`,
          en: `${from.en} declares EPSG:${epsg} (WGS-84 UTM, scale factor 0.9996), not CGCS2000 Gauss–Krüger; it is not converted here. ${EXPORT_AS.en}`,
        }
      : { zh: `${from.zh}声明 EPSG:${epsg}，本工具不支持。${EXPORT_AS.zh}`, en: `${from.en} declares EPSG:${epsg}, which is not supported. ${EXPORT_AS.en}` };
  },
  "unsupported-datum": ({ source, datum, known }) => {
    const from = sourceText(source);
    return known
      ? {
          zh: `${from.zh}使用的基准是「${datum}」（如西安 80、北京 54），与 CGCS2000 相差可达数十至上百米，不能只换投影。请在测绘软件中用当地转换参数转换到 CGCS2000 后再导入。`,
          en: `${from.en} uses the datum "${datum}" (e.g. Xi'an 1980 or Beijing 1954), which differs from CGCS2000 by tens to over a hundred metres; a projection change alone cannot fix that. Convert to CGCS2000 with the local transformation parameters in your survey software first.`,
        }
      : {
          zh: `${from.zh}的基准「${datum}」无法识别为 CGCS2000 或 WGS-84。`,
          en: `${from.en} uses the datum "${datum}", which is neither CGCS2000 nor WGS-84.`,
        };
  },
  "older-datum-statement": ({ source, statement }) => {
    const from = sourceText(source);
    return {
      zh: `${from.zh}声明坐标系为「${statement}」，与 CGCS2000 相差可达数十至上百米，不能只换投影。请用当地转换参数转换到 2000 国家大地坐标系后再导入。`,
      en: `${from.en} declares "${statement}", which differs from CGCS2000 by tens to over a hundred metres; a projection change cannot fix that. Convert to CGCS2000 with the local transformation parameters first.`,
    };
  },
  "invalid-prj": ({ source, start }) => {
    const from = sourceText(source);
    return {
      zh: `${from.zh}不是可识别的 WKT 坐标系定义（开头为「${start.slice(0, 40)}」）。`,
      en: `${from.en} is not a readable WKT coordinate-system definition (it starts "${start.slice(0, 40)}").`,
    };
  },
  "not-a-crs": ({ source, keyword, name }) => {
    const from = sourceText(source);
    return {
      zh: `${from.zh}定义的是 ${keyword}「${name}」，不是平面或经纬度坐标系。`,
      en: `${from.en} defines ${keyword} "${name}", which is neither a projected nor a geographic coordinate system.`,
    };
  },
  "unsupported-projection": ({ source, name, utm, methodName, scale, metresPerUnit }) => {
    const from = sourceText(source);
    return {
      zh: `${from.zh}的投影「${name}」${utm ? "是 UTM（比例因子 0.9996）" : `（方法 ${methodName || "未知"}，比例因子 ${scale}，单位 ${metresPerUnit} m）`}，不是 CGCS2000 高斯-克吕格投影（比例因子 1，单位米）。请导出为 EPSG:4523、EPSG:4544 或经纬度。`,
      en: `${from.en} projection "${name}" ${utm ? "is UTM (scale factor 0.9996)" : `(method ${methodName || "unknown"}, scale factor ${scale}, unit ${metresPerUnit} m)`}, not CGCS2000 Gauss–Krüger (scale factor 1, metres). Export as EPSG:4523, EPSG:4544 or longitude/latitude.`,
    };
  },
  "projection-without-meridian": ({ source, name }) => {
    const from = sourceText(source);
    return {
      zh: `${from.zh}的高斯-克吕格投影「${name}」没有写明中央经线。`,
      en: `${from.en} Gauss–Krüger projection "${name}" does not state its central meridian.`,
    };
  },
  "unrecognised-geojson-crs": ({ crs }) => ({
    zh: `GeoJSON 的 crs 成员「${crs}」无法识别。支持 EPSG:4326、4490、4544、4523 和 OGC CRS84。`,
    en: `The GeoJSON crs member "${crs}" is not recognised. Supported: EPSG:4326, 4490, 4544, 4523 and OGC CRS84.`,
  }),
  "no-coordinates": () => ({ zh: "没有可判断坐标系的坐标。", en: "There are no coordinates to infer a coordinate system from." }),
  "inconsistent-magnitudes": ({ column, pointIndex, value, example }) => {
    const label = column === "first" ? { zh: "第一个数", en: "first number" } : { zh: "第二个数", en: "second number" };
    return {
      zh: `坐标数量级不一致：第 ${pointIndex + 1} 个点的${label.zh} ${grouped(value, 3)} 与其他点不同（如 ${grouped(example, 3)}）。请检查是否混入了其他坐标系、缺少或多了带号。`,
      en: `The coordinates have inconsistent magnitudes: the ${label.en} of point ${pointIndex + 1}, ${grouped(value, 3)}, differs from the others (e.g. ${grouped(example, 3)}). Check for mixed coordinate systems or a missing/extra zone number.`,
    };
  },
  "mixed-zones": ({ zones }) => ({
    zh: `东坐标带有不同的带号（${zones.join("、")}），不能按同一坐标系读取。`,
    en: `The eastings carry different zone numbers (${zones.join(", ")}) and cannot be read in one coordinate system.`,
  }),
  "unrecognised-coordinates": ({ first, second }) => {
    const observed = observedText(first, second);
    return {
      zh: `无法从数值判断坐标系：${observed.zh}。支持经纬度（度，或度分秒）和 CGCS2000 高斯-克吕格平面坐标（米：北坐标 7 位，东坐标 6 位或带带号 35 的 8 位）。`,
      en: `Cannot tell the coordinate system from the values. ${observed.en}. Supported: longitude/latitude (degrees, or degrees–minutes–seconds) and CGCS2000 Gauss–Krüger metres (7-digit northing; 6-digit easting, or 8 digits with the zone number 35).`,
    };
  },
  "oversized-prj": ({ source, characters, depth, tooLong }) => {
    const from = sourceText(source);
    return {
      zh: `${from.zh}不是坐标系定义（${tooLong ? `长达 ${characters} 个字符` : `括号嵌套 ${depth} 层`}）。`,
      en: `${from.en} is not a coordinate-system definition (${tooLong ? `${characters} characters long` : `brackets nested ${depth} deep`}).`,
    };
  },
  "declared-projection": ({ source, projection }) => {
    const from = sourceText(source);
    return {
      zh: `${from.zh}声明投影类型为「${projection}」，本工具只支持高斯-克吕格投影。`,
      en: `${from.en} declares the projection "${projection}"; only Gauss–Krüger is supported.`,
    };
  },
  "declared-zone": ({ source, zoneWidth, zone, centralMeridian }) => {
    const from = sourceText(source);
    return {
      zh: `${from.zh}声明 ${zoneWidth}° 分带第 ${zone} 带（中央经线 ${centralMeridian}°E）。大足区位于 3° 带第 35 带（中央经线 105°E），请在测绘软件中换带后再导入。`,
      en: `${from.en} declares ${zoneWidth}° zone ${zone} (central meridian ${centralMeridian}°E). Dazu lies in 3° zone 35 (central meridian 105°E); reproject in survey software first.`,
    };
  },
  "unreadable-statement": ({ statement }) => IMPORT_GENERAL_TEXT["unreadable-crs-statement"]({ statement }),
};

export function crsProblemText(problem: CrsProblem): BilingualText {
  return (CRS_PROBLEM_TEXT[problem.kind] as (params: unknown) => BilingualText)(problem.params);
}

/** A declaration that could not be read, with what was done instead. */
export function unreadableDeclarationText(problem: CrsProblem): BilingualText {
  const text = crsProblemText(problem);
  return { zh: `${text.zh}已改为根据坐标数值判断坐标系。`, en: `${text.en} The coordinate system was inferred from the values instead.` };
}

export function crsWarningText(warning: CrsWarning): BilingualText {
  switch (warning.code) {
    case "axis-order-from-values": {
      const order = axisOrderText(warning.params.projected, warning.params.swappedAxes);
      return {
        zh: `坐标顺序与常规不同：按数值判断为${order.zh}，已据此读取。`,
        en: `The axis order is not the usual one: the values show ${order.en}, and were read that way.`,
      };
    }
    case "declared-crs-mismatch": {
      const { declared, used, inferredReason } = warning.params;
      const [declaredName, usedName, reason] = [CRS_NAME_TEXT[declared], CRS_NAME_TEXT[used], crsReasonBilingual(inferredReason)];
      return {
        zh: `文件声明为${declaredName.zh}，但坐标数值不符合（${reason.zh}）。已按${usedName.zh}读取；如不正确，请手动选择坐标系。`,
        en: `The file declares ${declaredName.en}, but the values do not fit it (${reason.en}). Read as ${usedName.en} instead; choose the coordinate system by hand if that is wrong.`,
      };
    }
  }
}

/** What the outside-the-district warning reports of one parcel. */
export interface OutsideDistrictParams {
  parcel: string;
  verticesOutside: number;
  vertices: number;
  farthestLngLat: [number, number];
  metresBeyond: number;
  likelyMistakes: readonly { mistake: LikelyMistakeParams }[];
}

function distanceText(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} m`;
  const km = metres / 1000;
  return `${km < 100 ? km.toFixed(1) : grouped(Math.round(km))} km`;
}

export function outsideDistrictText({ parcel, verticesOutside, vertices, farthestLngLat, metresBeyond, likelyMistakes }: OutsideDistrictParams): BilingualText {
  const all = verticesOutside === vertices;
  const [longitude, latitude] = farthestLngLat;
  const where = `${longitude.toFixed(5)}°E, ${latitude.toFixed(5)}°N`;
  const beyond = distanceText(metresBeyond);
  const fitting = likelyMistakesText(likelyMistakes);
  const suggestion: BilingualText =
    likelyMistakes.length > 0
      ? {
          zh: `可能的原因：${fitting.zh}。按此读取后地块整体位于大足区内。`,
          en: `Likely cause: ${fitting.en}. Read that way, the whole parcel lies inside Dazu.`,
        }
      : { zh: "请核对坐标系、带号和 X/Y 顺序。", en: "Check the coordinate system, the zone number and the X/Y order." };
  return {
    zh: `地块「${parcel}」${all ? "全部" : `有 ${verticesOutside}/${vertices} 个`}界址点落在大足区范围（东经 105°28′—106°02′，北纬 29°23′—29°52′）之外，最远超出约 ${beyond}（${where}）。${suggestion.zh}`,
    en: `Parcel "${parcel}": ${all ? "all" : `${verticesOutside} of ${vertices}`} vertices lie outside Dazu's extent (E105°28′–106°02′, N29°23′–29°52′), up to about ${beyond} beyond it (${where}). ${suggestion.en}`,
  };
}
