import { buildCorpus } from "./corpus";
import { importFile } from "../../src/import/importFile";
import { importPastedCoordinates } from "../../src/import/pasteCoordinates";
const seeds = process.argv.slice(2).map(Number);
const codes = new Map<string, number>(); let n = 0; let ok = 0; const t0 = performance.now();
for (const seed of seeds) for (const input of buildCorpus(seed)) {
  const built = input.build?.() ?? (input.pasted !== undefined ? { pasted: input.pasted } : { bytes: input.bytes! });
  const r: any = "pasted" in built ? importPastedCoordinates(built.pasted) : await importFile(input.fileName, built.bytes);
  n++; const k = r.ok ? "ok" : r.error.code; codes.set(k, (codes.get(k) ?? 0) + 1);
}
console.log(n, "inputs", ((performance.now() - t0) / 1000).toFixed(1), "s");
console.log([...codes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", "));
