/**
 * A small RFC 4180 reader that remembers where every cell is, so problems can name the
 * spreadsheet cell ("row 3, column D") a coordinator sees in Excel or Google Sheets. It accepts what Excel and Google Sheets export: a UTF-8 BOM, CRLF or LF,
 * quoted fields with commas, doubled quotes and line breaks.
 */

export interface CsvCell {
  /** The value with surrounding spaces trimmed (stray spaces are never meaningful here). */
  value: string;
  /** 1-based line where the cell starts, and its 1-based column in the row (1 is column A). */
  line: number;
  col: number;
}

export interface CsvRow {
  line: number;
  cells: CsvCell[];
}

export interface CsvResult {
  rows: CsvRow[];
  /** Quoting mistakes, located; the reader still returns what it could read. */
  errors: { line: number; col: number; message: string }[];
}

export function readCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  const errors: CsvResult['errors'] = [];
  let line = 1;
  let cellNumber = 1;
  let i = 0;
  let cells: CsvCell[] = [];
  let rowLine = 1;

  const newline = (): boolean => {
    const c = text[i];
    if (c === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1;
    } else if (c === '\n') {
      i += 1;
    } else {
      return false;
    }
    line += 1;
    return true;
  };

  while (i <= text.length) {
    const startLine = line;
    const startCol = cellNumber;
    let value = '';
    // Leading spaces before an opening quote are tolerated, as Excel users type them.
    let j = i;
    while (text[j] === ' ' || text[j] === '\t') j += 1;
    if (text[j] === '"') {
      i = j + 1;
      let closed = false;
      while (i < text.length) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          closed = true;
          break;
        }
        if (c === '\r' || c === '\n') {
          value += '\n';
          newline();
          continue;
        }
        value += c;
        i += 1;
      }
      if (!closed) {
        errors.push({ line: startLine, col: startCol, message: 'a quoted cell is never closed' });
      }
      // Text after the closing quote (`"a"b`) is kept, but it is a mistake worth naming.
      let trailing = '';
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        trailing += text[i];
        i += 1;
      }
      if (trailing.trim() !== '') {
        errors.push({ line: startLine, col: startCol, message: 'text follows the closing quote of a cell' });
        value += trailing;
      }
    } else {
      // Slices, not character-by-character concatenation: a 1,000-row grid is 40,000 cells.
      let end = i;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 13 || c === 10) break;
        end += 1;
      }
      value = text.slice(i, end);
      i = end;
    }
    cells.push({ value: value.trim(), line: startLine, col: startCol });
    if (text[i] === ',') {
      i += 1;
      cellNumber += 1;
      continue;
    }
    // End of a record: at a line break or at the end of the text.
    rows.push({ line: rowLine, cells });
    cells = [];
    cellNumber = 1;
    if (i >= text.length) break;
    newline();
    rowLine = line;
    if (i >= text.length) break;
  }
  return { rows: rows.filter((r) => r.cells.some((c) => c.value !== '')), errors };
}
