import type { ExpressionSpecification } from "@maplibre/maplibre-gl-style-spec";
import type { ColorRule } from "../layers/manifestTypes";

/**
 * A manifest colour rule as a MapLibre colour value. Categories become a `case` of `==` tests rather than `match`,
 * because `match` asserts one label type and a number/string mix in the data would then fail instead of falling back.
 */
export function colorExpression(rule: ColorRule): string | ExpressionSpecification {
  if (typeof rule === "string") return rule;
  const branches = rule.categories.flatMap(([value, color]) => [["==", ["get", rule.property], value], color]);
  return ["case", ...branches, rule.fallback] as ExpressionSpecification;
}
