import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFeePolicy } from "../../src/check/feePolicy";
import { buildFeePolicy } from "./feePolicy";
import { GEODATA_DIR } from "./paths";

const committed = () => JSON.parse(readFileSync(resolve(GEODATA_DIR, "fee-policy.json"), "utf8")) as Record<string, unknown>;

describe("fee-policy.json", () => {
  it("holds 13号's rates, the 智凤街道 split and the park rules, each quoted from its clause", () => {
    const policy = parseFeePolicy(committed())!;
    expect(policy.tiers.map((tier) => [tier.rate, tier.clause])).toEqual([
      [210, "dzf-2023-13#s1.p1"],
      [150, "dzf-2023-13#s1.p2"],
      [120, "dzf-2023-13#s1.p3"],
    ]);
    expect([policy.split.town, policy.split.inside.rate, policy.split.outside.rate]).toEqual(["智凤街道", 210, 150]);
    expect([policy.parks.rate, policy.parks.reduced.rate, policy.parks.exempt.uses]).toEqual([210, 105, ["production", "storage", "testing", "own-garage"]]);
    expect(policy.parks.names.map((park) => park.name)).toEqual(["双桥经开区", "大足工业园区", "大足高新区"]);
    const corpus = JSON.parse(readFileSync(resolve(GEODATA_DIR, "policies", "dzf-2023-13.json"), "utf8")) as { clauses: Array<{ id: string; text?: string }> };
    const clauseText = (citation: string) => corpus.clauses.find((clause) => clause.id === citation.split("#")[1])?.text ?? "";
    for (const rule of [...policy.tiers, policy.split.inside, policy.split.outside, policy.management])
      expect(clauseText(rule.clause), rule.text).toContain(rule.text);
    expect(clauseText(policy.parks.clause)).toContain(policy.parks.reduced.text);
    expect(clauseText(policy.parks.clause)).toContain(policy.parks.exempt.text);
  });

  it("refuses a rate its quote does not state, a use it does not know, and a file of another shape", () => {
    const policy = committed();
    const tiers = policy.tiers as Array<Record<string, unknown>>;
    expect(parseFeePolicy({ ...policy, tiers: [{ ...tiers[0], rate: 200 }, ...tiers.slice(1)] })).toBeNull();
    const parks = policy.parks as Record<string, Record<string, unknown>>;
    expect(parseFeePolicy({ ...policy, parks: { ...parks, reduced: { ...parks.reduced, uses: ["office", "canteen"] } } })).toBeNull();
    expect(parseFeePolicy({ ...policy, parks: { ...parks, reduced: { ...parks.reduced, rate: 100 } } })).toBeNull();
    expect(parseFeePolicy({ document: "dzf-2023-13" })).toBeNull();
  });

  it("is built only from words found verbatim in the clause", () => {
    const corpus = JSON.parse(readFileSync(resolve(GEODATA_DIR, "policies", "dzf-2023-13.json"), "utf8")) as { clauses: Array<{ id: string; text?: string }> };
    const altered = {
      ...corpus,
      clauses: corpus.clauses.map((clause) => (clause.id === "s1.p1" ? { ...clause, text: clause.text?.replace("105元", "100元") } : clause)),
    };
    const path = join(mkdtempSync(join(tmpdir(), "fee-policy-")), "dzf-2023-13.json");
    writeFileSync(path, JSON.stringify(altered));
    expect(() => buildFeePolicy(path)).toThrow(/not found verbatim in dzf-2023-13#s1.p1/);
  });
});
