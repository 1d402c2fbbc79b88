/**
 * When the YAML parser fails, the usual cause is one line indented wrong; the parser's own
 * message names its grammar, and often the line before. This finds that line and says it
 * plainly: how far it is indented and how far the lines it belongs with are.
 */
export interface IndentMistake {
  line: number;
  problem: string;
  fix: string;
}

const KEY = /^[^\s#'"][^:#]*:(\s|$)/;

export function findIndentMistake(source: string): IndentMistake | null {
  const lines = source.split(/\r\n|\r|\n/);
  // Open levels: the indent a line may have, and the line that set it.
  const stack: { indent: number; line: number }[] = [];
  let prev: { indent: number; opens: boolean; block: boolean } | null = null;
  let blockIndent: number | null = null;
  for (let n = 0; n < lines.length; n += 1) {
    const raw = lines[n]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const lead = /^[ \t]*/.exec(raw)![0];
    if (lead.includes('\t')) {
      return {
        line: n + 1,
        problem: 'this line is indented with a tab',
        fix: 'YAML counts spaces only: replace the tab with spaces, lined up with the line it belongs with',
      };
    }
    const indent = lead.length;
    if (blockIndent !== null && indent > blockIndent) continue;
    blockIndent = null;
    const open = [...stack];
    while (stack.length && stack[stack.length - 1]!.indent > indent) stack.pop();
    const top = stack[stack.length - 1];
    const looksLikeKey = KEY.test(trimmed) || trimmed.startsWith('- ') || trimmed === '-';
    if (prev && indent > prev.indent && !prev.opens && looksLikeKey) {
      const sibling = top ? top.indent : 0;
      return {
        line: n + 1,
        problem: `this line is indented ${indent} spaces, further than the line above it, which does not start a section (it does not end with ":")`,
        fix: `indent it ${sibling} spaces, like line ${top ? top.line : 1}, or end the line above with ":" if this belongs under it`,
      };
    }
    if (prev && indent < prev.indent && (!top || top.indent !== indent)) {
      const nearest = open.reduce<{ indent: number; line: number } | undefined>(
        (best, s) => (!best || Math.abs(s.indent - indent) <= Math.abs(best.indent - indent) ? s : best),
        undefined,
      );
      return {
        line: n + 1,
        problem: `this line is indented ${indent} space${indent === 1 ? '' : 's'}, which lines it up with no line above it`,
        fix: nearest
          ? `indent it ${nearest.indent} spaces, like line ${nearest.line} (lines of one entry start in the same column)`
          : 'line it up with the entry it belongs to (lines of one entry start in the same column)',
      };
    }
    if (!top || top.indent !== indent) stack.push({ indent, line: n + 1 });
    // "- id: x" opens the column after the dash for the entry's other keys.
    const dash = /^(-\s+)+/.exec(trimmed);
    if (dash && trimmed.length > dash[0].length) stack.push({ indent: indent + dash[0].length, line: n + 1 });
    const opens = /:\s*(#.*)?$/.test(trimmed) || trimmed === '-';
    const block = /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(trimmed);
    if (block) blockIndent = dash ? indent + dash[0].length : indent;
    prev = {
      indent: dash && trimmed.length > dash[0].length ? indent + dash[0].length : indent,
      opens,
      block,
    };
  }
  return null;
}
