import { buildCorpus } from "./corpus";
import { importFile } from "../../src/import/importFile";
import { importPastedCoordinates } from "../../src/import/pasteCoordinates";
const seen = new Map<string, number>();
for (const input of buildCorpus(20240611)) {
  const built = input.build?.() ?? (input.pasted !== undefined ? { pasted: input.pasted } : { bytes: input.bytes! });
  const r: any = "pasted" in built ? importPastedCoordinates(built.pasted) : await importFile(input.fileName, built.bytes);
  if (r.ok) continue;
  const c = seen.get(r.error.code) ?? 0; if (c >= 2) continue; seen.set(r.error.code, c + 1);
  console.log(`[${input.id}] ${r.error.code}\n  zh: ${r.error.zh.slice(0, 230)}\n  en: ${r.error.en.slice(0, 230)}`);
}
