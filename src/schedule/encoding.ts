/**
 * A schedule's bytes as text. Google Sheets and "CSV UTF-8" exports are UTF-8; plain "CSV"
 * saved by Excel on Windows is Windows-1252, where "Renée" is the single byte 0xE9 — invalid
 * as UTF-8. Such a file is read as Windows-1252 (so names keep their accents) and named, so the
 * coordinator can save it the way that always works.
 */
export type ScheduleEncoding = 'utf-8' | 'windows-1252';

/**
 * Windows-1252's 0x80–0x9F (curly quotes, dashes, €, Š…), where it differs from Latin-1; 0 marks
 * the five unused bytes, kept as their C1 control. Written out because some Node builds decode
 * 'windows-1252' as Latin-1 and would turn "O’Neil" (0x92) into an invisible control character.
 */
const HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] || b : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

export function decodeSchedule(bytes: Uint8Array): { text: string; encoding: ScheduleEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

export const WINDOWS_1252_PROBLEM =
  'the file is not UTF-8: it was read as Windows-1252, as Excel on Windows saves plain "CSV"';
export const WINDOWS_1252_FIX =
  'check that names with accents look right, and next time in Excel use File → Save As → "CSV UTF-8 (Comma delimited)"';
