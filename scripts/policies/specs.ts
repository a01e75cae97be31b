/**
 * What the gazette text cannot say by itself: document kinds, short titles, the parts of a document
 * that issues two plans, the exceptions of docs/data-model.md and the layout of merged table cells.
 */
import type { PolicyDocumentKind } from "../../src/policy/policyTypes";

export interface TableLayout {
  /** Column headings when the printed header row does not give one per column (merged header cells). */
  columns?: string[];
  /** Columns whose blank cells continue the cell above (vertically merged cells). */
  fillDown?: number[];
  /** A row printed with `cellCount` cells has its cell `repeatCell` spanning two columns: repeat it. */
  span?: { cellCount: number; repeatCell: number };
  /** Forms have no header row; every printed row is kept as printed. */
  form?: boolean;
}

export interface PartSpec {
  /** Id prefix of the part's clauses ("women" → "women.s1.p2"). */
  id: string;
  /** First line of the part's printed title. */
  titleLine: string;
}

export interface ClauseOverride {
  /** Matched against an unnumbered paragraph; the first match wins. */
  pattern: RegExp;
  id: string;
}

export interface DocumentSpec {
  id: string;
  kind: PolicyDocumentKind;
  shortTitle: { zh: string; en: string };
  parts?: PartSpec[];
  overrides?: ClauseOverride[];
  /** Keyed by the table clause id (e.g. "box2", "women.box1", "annex1"). */
  tables?: Record<string, TableLayout>;
}

/** The gazette's year, for dates printed without one (the minutes). */
export const GAZETTE_YEAR = 2023;

export const GOVERNMENT_DOCUMENTS: DocumentSpec[] = [
  {
    id: "dzf-2023-6",
    kind: "fulltext",
    shortTitle: {
      zh: "妇女、儿童发展规划（2021—2030年）",
      en: "Women's and Children's Development Plans 2021–2030",
    },
    parts: [
      { id: "women", titleLine: "重庆市大足区妇女发展规划" },
      { id: "children", titleLine: "重庆市大足区儿童发展规划" },
    ],
    tables: {
      // 类别 and 序号 are merged over the rows of a group / an indicator with several lines.
      "women.box1": { fillDown: [0, 1] },
      // The 近视率 and 睡眠时间 rows also share 指标属性 and 责任单位 with the row above.
      "children.box1": { fillDown: [0, 1, 4, 5] },
    },
  },
  {
    id: "dzf-2023-7",
    kind: "structured",
    shortTitle: { zh: "人口发展规划（2021—2035年）", en: "Population Development Plan 2021–2035" },
    tables: { box1: { fillDown: [0] } },
  },
  {
    id: "dzf-2023-8",
    kind: "structured",
    shortTitle: {
      zh: "成渝地区双城经济圈建设行动方案实施计划（2023—2027年）",
      en: "Chengdu–Chongqing Economic Circle Action Plan: Implementation 2023–2027",
    },
  },
  {
    id: "dzf-2023-13",
    kind: "structured",
    shortTitle: { zh: "城市基础设施配套费征收标准", en: "Urban Infrastructure Charge Rates" },
  },
  {
    id: "dzfb-2023-32",
    kind: "structured",
    shortTitle: { zh: "矿产资源总体规划（2021—2025年）", en: "Mineral Resources Master Plan 2021–2025" },
    tables: {
      box1: {},
      // 总量调控矿种 spans two columns (mineral, mine type); 地热 spans both on its row; the mineral
      // cell is merged over its mine types. 备注 is left as printed.
      box2: {
        columns: ["总量调控矿种", "总量调控矿种", "单位", "最低开采规模", "备注"],
        span: { cellCount: 4, repeatCell: 0 },
        fillDown: [0],
      },
    },
  },
  {
    id: "dzfb-2023-47",
    kind: "structured",
    shortTitle: {
      zh: "烈士纪念设施保护范围",
      en: "Protection Areas of Martyrs' Memorial Facilities",
    },
    overrides: [
      { pattern: /^烈士纪念设施保护范围内的土地和设施受法律保护/, id: "rules" },
      { pattern: /^本通知自.+起施行。$/, id: "effective" },
    ],
  },
  {
    id: "dzfb-2023-50",
    kind: "structured",
    shortTitle: {
      zh: "残疾人创业就业扶持实施意见",
      en: "Support for Self-Employment and Jobs of Persons with Disabilities",
    },
    tables: { annex1: { form: true } },
  },
];

export function meetingSpec(meeting: number): DocumentSpec {
  return {
    id: `exec-meeting-${meeting}`,
    kind: "minutes",
    shortTitle: {
      zh: `区政府第${meeting}次常务会议`,
      en: `${ordinal(meeting)} Executive Meeting of the District Government`,
    },
  };
}

function ordinal(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${value}th`;
  switch (value % 10) {
    case 1:
      return `${value}st`;
    case 2:
      return `${value}nd`;
    case 3:
      return `${value}rd`;
    default:
      return `${value}th`;
  }
}
