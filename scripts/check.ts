import { fileURLToPath } from "node:url";
import { runCheckCommand } from "./check/runCheckCommand";

/** `npm run check -- <file> [--format csv|json|geojson] [--out <path>] [--crs EPSG:4544]` — see README.md. */
const exitCode = await runCheckCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  defaultDataDir: fileURLToPath(new URL("../geodata/", import.meta.url)),
});
process.exitCode = exitCode;
