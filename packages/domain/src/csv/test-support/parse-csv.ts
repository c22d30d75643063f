/**
 * A strict RFC 4180 reader for tests: records end with CRLF (a bare CR or LF outside quotes is an error),
 * quoted fields may hold `""`, commas and line breaks, and the text must end with a complete record. The
 * byte order mark a download starts with is skipped there, and only there, as a spreadsheet does.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = text.startsWith("\uFEFF") ? 1 : 0;
  const fail = (problem: string): never => {
    throw new Error(`${problem} at offset ${i} of the CSV`);
  };
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail("An unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          field += '"';
          i += 2;
        } else field += text[i++];
      }
      i++;
    } else {
      while (i < text.length && !",\r\n".includes(text[i] as string)) {
        if (text[i] === '"') fail("A quote inside an unquoted field");
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else fail("A field not followed by a comma or CRLF");
  }
  if (record.length > 0) fail("A last record without CRLF");
  return records;
}
