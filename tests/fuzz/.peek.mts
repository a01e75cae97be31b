import { buildCorpus } from "./corpus";
import { importFile } from "../../src/import/importFile";
import { importPastedCoordinates } from "../../src/import/pasteCoordinates";
const c = buildCorpus(20240611);
for (const id of process.argv.slice(2)) {
  const input = c.find((x) => x.id === id)!;
  const built = input.build?.() ?? (input.pasted !== undefined ? { pasted: input.pasted } : { bytes: input.bytes! });
  const t = performance.now();
  const r: any = "pasted" in built ? importPastedCoordinates(built.pasted) : await importFile(input.fileName, built.bytes);
  console.log(id, (performance.now() - t).toFixed(0) + "ms", r.ok ? "ok " + JSON.stringify(r.parcels[0].properties).slice(0, 150) : `${r.error.code} | ${r.error.en.slice(0, 220)}`);
}
