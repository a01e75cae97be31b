/** File types the importers read; kept apart from the importers so the file picker does not load them. */
export const SUPPORTED_EXTENSIONS = [".geojson", ".json", ".kml", ".kmz", ".zip", ".csv", ".txt", ".dat"] as const;
