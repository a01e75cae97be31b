import { describe, expect, it } from "vitest";
import { loadDataPackageFromDisk } from "../../tests/unit/dataPackageOnDisk";
import { invalid, valid, type Validation } from "../layers/validation";
import { createPolicyLibrary } from "./policyLibrary";
import { validatePolicyDocument, validatePolicyIndex } from "./validatePolicy";

const { documents } = loadDataPackageFromDisk();

describe("policy corpus validation", () => {
  it("accepts every committed document", () => {
    for (const document of documents) expect(validatePolicyDocument(document, document.id), document.id).toEqual({ ok: true, value: document });
  });

  it("names what is wrong with a broken document", () => {
    const document = structuredClone(documents.find((candidate) => candidate.id === "dzfb-2023-47")!);
    document.clauses.push({ ...document.clauses[1]!, parent: "s99" });
    const result = validatePolicyDocument(document, "dzfb-2023-47");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain('policies/dzfb-2023-47.json: clause id "s1" appears twice');
      expect(result.errors).toContain('policies/dzfb-2023-47.json: clause "s1" has unknown parent "s99"');
    }
    expect(validatePolicyDocument({ ...document, id: "other" }, "dzfb-2023-47").ok).toBe(false);
    expect(validatePolicyIndex({ documents: [{ id: "x", file: "../x.json" }] }).ok).toBe(false);
  });
});

describe("policy library", () => {
  const files = new Map<string, unknown>([
    [
      "p/index.json",
      {
        documents: [
          { id: "dzfb-2023-47", file: "dzfb-2023-47.json", kind: "structured", title: "t", shortTitle: { zh: "短", en: "short" }, signed: "2023-04-17" },
        ],
      },
    ],
    ["p/dzfb-2023-47.json", documents.find((candidate) => candidate.id === "dzfb-2023-47")],
  ]);

  it("fetches the index and each document once, and tells an unknown document from a failed one", async () => {
    const asked: string[] = [];
    let broken = true;
    const fetchJson = async (url: string): Promise<Validation<unknown>> => {
      asked.push(url);
      if (url === "p/dzfb-2023-47.json" && broken) return invalid(["could not fetch p/dzfb-2023-47.json (HTTP 503)"]);
      return files.has(url) ? valid(files.get(url)) : invalid([`could not fetch ${url} (HTTP 404)`]);
    };
    const library = createPolicyLibrary("p/", fetchJson);
    expect((await library.document("dzf-2099-1")).type).toBe("unknown");
    expect(await library.document("dzfb-2023-47")).toEqual({
      type: "failed",
      documentId: "dzfb-2023-47",
      errors: ["could not fetch p/dzfb-2023-47.json (HTTP 503)"],
    });
    broken = false;
    const loaded = await library.document("dzfb-2023-47");
    expect(loaded.type).toBe("loaded");
    await library.document("dzfb-2023-47");
    expect(library.loadedDocument("dzfb-2023-47")?.docNumber).toBe("大足府办发〔2023〕47号");
    expect(asked).toEqual(["p/index.json", "p/dzfb-2023-47.json", "p/dzfb-2023-47.json"]);
    expect((await library.allDocuments()).documents.map((document) => document.id)).toEqual(["dzfb-2023-47"]);
  });
});
