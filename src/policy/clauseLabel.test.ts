import { describe, expect, it } from "vitest";
import { loadDataPackageFromDisk } from "../../tests/unit/dataPackageOnDisk";
import { clauseLabel } from "./clauseLabel";

const { documents } = loadDataPackageFromDisk();
const document = (id: string) => documents.find((candidate) => candidate.id === id)!;

describe("clause labels", () => {
  it("prints the numbering path, counting unnumbered paragraphs and table rows", () => {
    expect(clauseLabel(document("dzf-2023-13"), "s1.p3", "zh")).toBe("一、（三）");
    expect(clauseLabel(document("dzf-2023-7"), "s5.p1.para1", "zh")).toBe("五、（一）第1段");
    expect(clauseLabel(document("dzf-2023-7"), "s5.p1.para1", "en")).toBe("五、（一） para. 1");
    expect(clauseLabel(document("dzfb-2023-32"), "box1.r2", "zh")).toBe("专栏1 第2行");
    expect(clauseLabel(document("dzfb-2023-50"), "s1.p3.n3.i3", "zh")).toBe("一、（三）3.（3）");
    expect(clauseLabel(document("dzf-2023-13"), "intro.para1", "zh")).toBe("引言第1段");
  });

  it("names an unnumbered clause by its opening words and an unknown one by its id", () => {
    expect(clauseLabel(document("dzfb-2023-47"), "effective", "zh")).toBe("“本通知自2023年5月17日起施行。”");
    expect(clauseLabel(document("dzfb-2023-47"), "rules", "zh")).toBe("“烈士纪念设施保护范围内的土地和设施受法律…”");
    expect(clauseLabel(document("dzfb-2023-47"), "s9", "zh")).toBe("s9");
  });
});
