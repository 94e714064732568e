// A strict RFC 4180 reader for tests: it reads back what lib/exports/csv.ts
// writes, and throws on anything a spreadsheet could misread (a bare quote
// inside an unquoted field, a lone CR or LF as a record separator).
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  while (index < text.length) {
    let field = "";
    if (text[index] === '"') {
      index++;
      for (;;) {
        if (index >= text.length) throw new Error("unterminated quoted field");
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index++;
          break;
        }
        field += text[index++];
      }
    } else {
      while (index < text.length && text[index] !== "," && text[index] !== "\r" && text[index] !== "\n") {
        if (text[index] === '"') throw new Error(`bare quote in unquoted field at ${index}`);
        field += text[index++];
      }
    }
    record.push(field);
    if (text[index] === ",") {
      index++;
    } else if (text.startsWith("\r\n", index)) {
      records.push(record);
      record = [];
      index += 2;
    } else if (index < text.length) {
      throw new Error(`expected a comma or CRLF at ${index}`);
    }
  }
  if (record.length) records.push(record);
  return records;
}
