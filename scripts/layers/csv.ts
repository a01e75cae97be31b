/** A small RFC 4180 CSV reader (quoted fields, doubled quotes, LF or CRLF). Returns one record per row keyed by header. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((candidate) => !(candidate.length === 1 && candidate[0] === ""));
  if (!header) return [];
  return body.map((cells, rowIndex) => {
    if (cells.length !== header.length) throw new Error(`CSV row ${rowIndex + 2}: ${cells.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((key, index) => [key, cells[index] as string]));
  });
}
