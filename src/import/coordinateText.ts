/** A number read from text: decimal, or degrees–minutes–seconds, possibly with a hemisphere letter. */
export interface CoordinateValue {
  value: number;
  /** From N/S/E/W or 北纬/东经 …, when given. */
  axis?: "longitude" | "latitude";
  format: "decimal" | "dms";
  /** True for a plain integer without decimal point or marks — can be a point number or ring number. */
  plainInteger: boolean;
}

/** Why a token that looks like a coordinate cannot be read as one. */
export type InvalidCoordinate = "minutes-or-seconds-over-60" | "conflicting-hemispheres" | "unreadable-coordinate";

export type CoordinateToken = { text: string; value: CoordinateValue } | { text: string; value?: undefined; invalid?: InvalidCoordinate };

/**
 * Unifies what office software and input methods produce: full-width digits and punctuation (NFKC), the
 * masculine ordinal and ring-above typed for °, curly and prime marks for ′ ″.
 */
export function normaliseCoordinateText(text: string): string {
  return text
    .replace(/[º˚]/g, "°")
    .normalize("NFKC")
    .replace(/[′’‘`´]/g, "'")
    .replace(/''|[″”“]/g, '"')
    .replace(/、/g, ",");
}

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)`;
const UNSIGNED = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
const TOKEN = new RegExp(
  String.raw`^(?:(北纬|南纬|东经|西经|[NSEW])\s*)?(${NUMBER})(?:\s*(°|度|d)(?:\s*(${UNSIGNED})\s*('|分|m)(?:\s*(${UNSIGNED})\s*("|秒|s))?)?)?(?:\s*([NSEW]))?(?=[\s,;]|$)`,
  "i",
);

function hemisphere(mark: string | undefined): { axis: "longitude" | "latitude"; sign: 1 | -1 } | undefined {
  if (!mark) return undefined;
  switch (mark.toUpperCase()) {
    case "N":
    case "北纬":
      return { axis: "latitude", sign: 1 };
    case "S":
    case "南纬":
      return { axis: "latitude", sign: -1 };
    case "E":
    case "东经":
      return { axis: "longitude", sign: 1 };
    case "W":
    case "西经":
      return { axis: "longitude", sign: -1 };
  }
  return undefined;
}

/**
 * Splits one normalised line into coordinate tokens and other words (labels, codes); stops after `maxTokens`,
 * so that a hostile single line of a million numbers is not read to its end.
 */
export function tokeniseCoordinateLine(line: string, maxTokens = Number.POSITIVE_INFINITY): CoordinateToken[] {
  const tokens: CoordinateToken[] = [];
  let rest = line;
  for (;;) {
    rest = rest.replace(/^[\s,;]+/, "");
    if (rest === "" || tokens.length >= maxTokens) return tokens;
    const match = TOKEN.exec(rest);
    if (match) {
      const [text, prefix, degrees, degreeMark, minutes, , seconds, , suffix] = match;
      rest = rest.slice(text.length);
      const before = hemisphere(prefix);
      const after = hemisphere(suffix);
      if (before && after && before.axis !== after.axis) {
        tokens.push({ text: text.trim(), invalid: "conflicting-hemispheres" });
        continue;
      }
      const minuteValue = minutes === undefined ? 0 : Number(minutes);
      const secondValue = seconds === undefined ? 0 : Number(seconds);
      if (minuteValue >= 60 || secondValue >= 60) {
        tokens.push({ text: text.trim(), invalid: "minutes-or-seconds-over-60" });
        continue;
      }
      const mark = before ?? after;
      const negative = degrees!.startsWith("-") || mark?.sign === -1;
      const magnitude = Math.abs(Number(degrees)) + minuteValue / 60 + secondValue / 3600;
      const value: CoordinateValue = {
        value: negative ? -magnitude : magnitude,
        format: degreeMark ? "dms" : "decimal",
        plainInteger: !degreeMark && !mark && /^[-+]?\d+$/.test(degrees!),
      };
      if (mark) value.axis = mark.axis;
      tokens.push({ text: text.trim(), value });
      continue;
    }
    const word = /^[^\s,;]+/.exec(rest)![0];
    rest = rest.slice(word.length);
    const looksLikeCoordinate = /\d/.test(word) && /[°'"度分秒]/.test(word);
    tokens.push(looksLikeCoordinate ? { text: word, invalid: "unreadable-coordinate" } : { text: word });
  }
}
