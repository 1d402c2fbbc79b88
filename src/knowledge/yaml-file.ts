import { readFile, stat } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { Problem } from '../problem.js';
import { findIndentMistake } from './yaml-indent.js';

/**
 * Bigger than any honest knowledge file (the largest shipped is ~20 kB, ~700 lines); refusing
 * more keeps a pasted dump from stalling start-up or a reload: parsing is linear, and these
 * bound it to well under a second.
 */
export const MAX_FILE_BYTES = 128 * 1024;
export const MAX_FILE_LINES = 5_000;
/** Anchors and aliases are allowed, but a "billion laughs" expansion is not. */
const MAX_ALIAS_COUNT = 100;

export type YamlPath = readonly (string | number)[];

/** A parsed file that can say on which line any part of it sits. */
export interface YamlFile {
  /** "knowledge/procedures.yaml": the folder as given, joined with the file name. */
  path: string;
  /** The plain value (objects, arrays, scalars); undefined when the file could not be read. */
  value: unknown;
  /** Line (1-based) of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: YamlPath): number;
  /** Line of the key `key` inside the mapping at `path`, when that key is present. */
  keyLineOf(path: YamlPath, key: string): number | undefined;
  /** "file:line" */
  at(line: number): string;
}

function problem(location: string, text: string, fix: string): Problem {
  return { severity: 'error', location, problem: text, fix };
}

/**
 * Reads one YAML file safely: the YAML 1.2 core schema only (no custom tags, no code),
 * unique keys, one document, a capped alias count and a size limit. Never throws.
 */
export async function readYamlFile(path: string): Promise<{ file: YamlFile | null; problems: Problem[] }> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      return { file: null, problems: [problem(path, 'is not a file', 'replace it with a YAML file')] };
    }
    size = info.size;
  } catch {
    return {
      file: null,
      problems: [problem(path, 'the file is missing', 'restore it (every knowledge file is required)')],
    };
  }
  if (size > MAX_FILE_BYTES) {
    return { file: null, problems: [tooLarge(path, `${size} bytes`, `${MAX_FILE_BYTES} bytes`)] };
  }
  const source = await readFile(path, 'utf8').catch(() => null);
  if (source === null) {
    return { file: null, problems: [problem(path, 'the file cannot be read', 'check its permissions')] };
  }
  return parseYaml(path, source);
}

/** Parses YAML text already read; exported for tests and for callers that hold the text. */
export function parseYaml(path: string, source: string): { file: YamlFile | null; problems: Problem[] } {
  const bytes = Buffer.byteLength(source);
  if (bytes > MAX_FILE_BYTES)
    return { file: null, problems: [tooLarge(path, `${bytes} bytes`, `${MAX_FILE_BYTES} bytes`)] };
  const lines = countLines(source);
  if (lines > MAX_FILE_LINES)
    return { file: null, problems: [tooLarge(path, `${lines} lines`, `${MAX_FILE_LINES} lines`)] };
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(source, {
      lineCounter,
      schema: 'core',
      // The parser's own check compares every key with every other (minutes for 100,000 keys);
      // duplicateKeyOffsets below does it in one pass.
      uniqueKeys: false,
      prettyErrors: false,
      strict: true,
    });
  } catch (err) {
    // The parser reports its own errors; this is the last guard against a crash on hostile input.
    const message = err instanceof Error ? err.message : String(err);
    return {
      file: null,
      problems: [problem(`${path}:1`, `the YAML cannot be read: ${firstLine(message)}`, 'rewrite the file')],
    };
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const at = (line: number) => `${path}:${line}`;
  const problems: Problem[] = [];

  const seenLines = new Set<number>();
  const syntax = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY' && e.code !== 'MULTIPLE_DOCS');
  const indent = syntax.length > 0 ? findIndentMistake(source) : null;
  if (indent) {
    // One indentation mistake makes the parser complain several times; one plain message instead.
    return { file: null, problems: [problem(at(indent.line), indent.problem, indent.fix)] };
  }
  for (const err of doc.errors) {
    const line = lineAt(err.pos[0]);
    // One broken line often yields several parser errors; the first says it best.
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    if (err.code === 'DUPLICATE_KEY') {
      problems.push(problem(at(line), 'this key appears twice in the same entry', 'keep only one of them'));
    } else if (err.code === 'MULTIPLE_DOCS') {
      problems.push(problem(at(line), 'the file holds more than one YAML document', 'remove the "---" line'));
    } else {
      problems.push(
        problem(
          at(line),
          `the YAML cannot be read: ${firstLine(err.message)}`,
          'check the indentation and the ":" and "- " on this line and the one above',
        ),
      );
    }
  }
  for (const offset of duplicateKeyOffsets(doc)) {
    const line = lineAt(offset);
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    problems.push(problem(at(line), 'this key appears twice in the same entry', 'keep only one of them'));
  }
  for (const warning of doc.warnings) {
    // An unknown tag ("!!js/function", "!foo") would otherwise be read as plain text: refuse it.
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      problems.push(
        problem(
          at(lineAt(warning.pos[0])),
          `custom YAML tags are not allowed: ${firstLine(warning.message)}`,
          'remove the tag (the word starting with "!") and write the plain value',
        ),
      );
    }
  }
  if (problems.length > 0) return { file: null, problems };

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return {
      file: null,
      problems: [
        problem(at(1), 'the file is empty', 'restore its content (see the comment at the top of the file)'),
      ],
    };
  }
  if (!isMap(doc.contents)) {
    return {
      file: null,
      problems: [
        problem(
          at(lineAt(doc.contents.range?.[0] ?? 0)),
          'the file does not start with named sections',
          'the top level is a set of "key:" lines, as in the shipped file',
        ),
      ],
    };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // The expansion error has no position; the first alias is where the expanding starts.
    let firstAlias = 0;
    visit(doc, {
      Alias(_, node) {
        firstAlias = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return {
      file: null,
      problems: [
        problem(
          at(lineAt(firstAlias)),
          `the file cannot be expanded: ${firstLine(message)}`,
          'use fewer anchors (&) and aliases (*); write the values out instead',
        ),
      ],
    };
  }

  const nodeAt = (path: YamlPath): Node | null => {
    let node: unknown = doc.contents;
    let found: Node | null = doc.contents as Node;
    for (const key of path) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
      else return found;
      if (node === undefined || node === null) return found;
      found = node as Node;
    }
    return found;
  };
  const file: YamlFile = {
    path,
    value,
    at,
    lineOf: (p) => lineAt(nodeAt(p)?.range?.[0] ?? 0),
    keyLineOf(p, key) {
      const node = nodeAt(p);
      if (!isMap(node)) return undefined;
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      return range ? lineAt(range[0]) : undefined;
    },
  };
  return { file, problems: [] };
}

function tooLarge(path: string, found: string, limit: string): Problem {
  return problem(
    `${path}:1`,
    `the file is too large (${found}; the limit is ${limit})`,
    'keep only the knowledge entries in it; a knowledge file is a few hundred lines',
  );
}

function countLines(source: string): number {
  let lines = 1;
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Where each repeated key of a mapping starts, found with one set per mapping. */
function duplicateKeyOffsets(doc: ReturnType<typeof parseDocument>): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) offsets.push((pair.key as Node | null)?.range?.[0] ?? 0);
        else seen.add(key);
      }
    },
  });
  return offsets;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
