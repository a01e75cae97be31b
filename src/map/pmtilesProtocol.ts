import { addProtocol, type AddProtocolAction, type AddProtocolResponseData, type GetResourceResponse } from "maplibre-gl";

let registered = false;

/**
 * Lets style sources use `pmtiles://<url>` (vector tiles read from one archive with HTTP range requests).
 * The PMTiles reader is loaded on the first such request, so maps without large layers never download it.
 */
export function registerPmtilesProtocol(): void {
  if (registered) return;
  registered = true;
  let protocol: Promise<import("pmtiles").Protocol> | null = null;
  const load: AddProtocolAction = async (request, abortController) => {
    protocol ??= import("pmtiles").then(({ Protocol }) => new Protocol());
    const response = await (await protocol).tilev4(request, abortController);
    // TileJSON (an object) for the source URL, tile bytes for tiles: both are what MapLibre takes from a protocol.
    return response as GetResourceResponse<AddProtocolResponseData>;
  };
  addProtocol("pmtiles", load);
}
