import type { BilingualText, ImportCrsCode, LikelyMistakeParams } from "../geo/crsTypes";

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

export function axisOrderText(projected: boolean, swapped: boolean): BilingualText {
  if (projected) {
    return swapped
      ? { zh: "北坐标 X 在前、东坐标 Y 在后", en: "northing (X) first, easting (Y) second" }
      : { zh: "东坐标在前、北坐标在后", en: "easting first, northing second" };
  }
  return swapped ? { zh: "纬度在前、经度在后", en: "latitude first, longitude second" } : { zh: "经度在前、纬度在后", en: "longitude first, latitude second" };
}

const SWAPPED_TOO: BilingualText = { zh: "，且 X、Y 顺序颠倒", en: ", and X and Y are swapped" };
const NOTHING: BilingualText = { zh: "", en: "" };

export function likelyMistakeText(mistake: LikelyMistakeParams): BilingualText {
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
