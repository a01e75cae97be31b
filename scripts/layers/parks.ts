/** Parks: 双桥经开区 as the union of its administered towns; the others have no published bounds (legend only). */
import type { Feature } from "geojson";
import { unionPolygons } from "./clip";
import { feature, polygonsFromGK, type Properties } from "./geojson";
import { multiPolygonArea } from "./geom";
import type { ParkRow } from "./inputs";
import { round2 } from "./towns";
import type { TownDiagram } from "./townGeometry";

export function buildParkFeatures(diagram: TownDiagram, parks: readonly ParkRow[]): Feature[] {
  return parks
    .filter((park) => park.administeredTownCodes.length > 0)
    .map((park) => {
      const towns = park.administeredTownCodes.map((code) => {
        const town = diagram.towns.find((candidate) => candidate.row.code === code);
        if (!town) throw new Error(`${park.name}: unknown town ${code}`);
        return town;
      });
      const polygons = unionPolygons(towns.map((town) => town.polygons));
      const names = towns.map((town) => town.row.name);
      const properties: Properties = {
        id: park.id,
        name: "双桥经开区",
        full_name: park.name,
        name_en: park.nameEn,
        level: park.level,
        administered_towns: names,
        area_km2: round2(multiPolygonArea(polygons) / 1e6),
        published_area_km2: park.areaKm2,
        bounds_published: park.boundsPublished,
        fee_tier: 210,
        note: park.note,
        note_en:
          "The management committee administers 龙滩子, 双路, 通桥 streets and 邮亭镇. The park's recognised 四至 (used by 13号's exemption for production buildings) are unpublished; the polygon is its administered area, not its 四至.",
        source: [park.feeClause],
        geometry_quality: "schematic",
        geometry_note: `示意范围：所辖${names.join("、")}示意边界的并集（镇街边界本身为示意）。园区认定四至未公布，此范围不是四至。`,
        geometry_note_en: `Schematic: the union of the schematic polygons of ${names.join(", ")}. The park's recognised 四至 are unpublished; this is not them.`,
      };
      return feature(properties, polygonsFromGK(polygons));
    });
}
