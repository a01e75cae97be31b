/** geodata/mining-policy.json: 32号's mineral policy classes (三、（一）) and minimum mining scales (专栏2). */

export interface MiningPolicyClass {
  id: string;
  /** 重点勘查 / 重点开采 / 限制开采 / 禁止开采. */
  name: string;
  name_en: string;
  minerals: string[];
  also: string[];
  /** Citation of the clause, e.g. "dzfb-2023-32#s3.p1.para2". */
  clause: string;
  /** The clause verbatim. */
  text: string;
}

export interface MinimumScaleRow {
  mineral: string;
  sub_kind: string | null;
  minimum: number;
  unit: string;
  remark: string | null;
  source: string;
}

export interface MiningPolicy {
  document: string;
  title: string;
  title_en: string;
  /** English name of every mineral the plan names, keyed by the document's own name. */
  mineral_names_en: Record<string, string>;
  policy_classes: MiningPolicyClass[];
  minimum_scales: { title: string; source: string; note?: string; rows: MinimumScaleRow[] };
}

const isString = (value: unknown): value is string => typeof value === "string";
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function isClass(value: unknown): value is MiningPolicyClass {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.name) &&
    isString(value.name_en) &&
    Array.isArray(value.minerals) &&
    value.minerals.every(isString) &&
    Array.isArray(value.also) &&
    isString(value.clause) &&
    isString(value.text)
  );
}

function isRow(value: unknown): value is MinimumScaleRow {
  return (
    isRecord(value) &&
    isString(value.mineral) &&
    (value.sub_kind === null || isString(value.sub_kind)) &&
    typeof value.minimum === "number" &&
    isString(value.unit) &&
    (value.remark === null || isString(value.remark)) &&
    isString(value.source)
  );
}

/** Checks the file's shape; null when it is not a mining-policy file. */
export function parseMiningPolicy(value: unknown): MiningPolicy | null {
  if (!isRecord(value) || !isString(value.document) || !isString(value.title) || !Array.isArray(value.policy_classes)) return null;
  const scales = value.minimum_scales;
  if (!isRecord(scales) || !Array.isArray(scales.rows) || !isString(scales.title) || !isString(scales.source)) return null;
  if (!value.policy_classes.every(isClass) || !scales.rows.every(isRow)) return null;
  const names = value.mineral_names_en;
  if (!isRecord(names) || !Object.values(names).every(isString)) return null;
  const policy = value as unknown as MiningPolicy;
  // An English page names every mineral: a file missing one is refused rather than shown half in Chinese.
  if (!mineralsOf(policy).every((mineral) => isString(names[mineral]) && names[mineral] !== "")) return null;
  return policy;
}

/** Every mineral the plan names, in the order the classes and then 专栏2 name them. */
export function mineralsOf(policy: MiningPolicy): string[] {
  const names = [...policy.policy_classes.flatMap((policyClass) => policyClass.minerals), ...policy.minimum_scales.rows.map((row) => row.mineral)];
  return [...new Set(names)];
}

/** 专栏2 names minerals by use ("建筑石料用灰岩", "砖瓦用页岩"); the classes by kind ("石灰岩"). */
function baseName(name: string): string {
  const use = name.lastIndexOf("用");
  return use >= 0 ? name.slice(use + 1) : name;
}

/** Whether a 专栏2 row is about a mineral: same name, or the row's mineral without its use is the end of it ("灰岩" → 石灰岩). */
export function sameMineral(mineral: string, rowMineral: string): boolean {
  if (mineral === rowMineral) return true;
  const a = baseName(mineral);
  const b = baseName(rowMineral);
  return a === b || a.endsWith(b) || b.endsWith(a);
}

export interface MineralRules {
  mineral: string;
  classes: MiningPolicyClass[];
  minimumScales: MinimumScaleRow[];
}

/** The policy classes that name the mineral (地热 is in two) and its minimum mining scales. */
export function mineralRules(policy: MiningPolicy, mineral: string): MineralRules {
  return {
    mineral,
    classes: policy.policy_classes.filter((policyClass) => policyClass.minerals.includes(mineral)),
    minimumScales: policy.minimum_scales.rows.filter((row) => sameMineral(mineral, row.mineral)),
  };
}
