import * as z from 'zod';
import type { Problem } from '../problem.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

/** Turns a schema's complaints into located problems a coordinator can act on. */
export function zodProblems(
  file: YamlFile,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
): Problem[] {
  return issues.map((issue) => toProblem(file, schema, issue));
}

function toProblem(file: YamlFile, schema: z.ZodType, issue: z.core.$ZodIssue): Problem {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const where = describePath(file.value, path);
  const error = (line: number, problem: string, fix: string): Problem => ({
    severity: 'error',
    location: file.at(line),
    problem: where ? `${where}: ${problem}` : problem,
    fix,
  });

  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schema, path);
    const key = issue.keys[0]!;
    const line = file.keyLineOf(path, key) ?? file.lineOf(path);
    const more = issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map(quote).join(', ')})` : '';
    const guess = closest(key, allowed);
    const fix = `${guess ? `did you mean "${guess}"? ` : ''}allowed keys here: ${allowed.join(', ')}`;
    return error(line, `unknown key "${key}"${more}`, fix);
  }

  const last = path[path.length - 1];
  const parentValue = valueAt(file.value, path.slice(0, -1));
  const missing =
    typeof last === 'string' &&
    isRecord(parentValue) &&
    !Object.hasOwn(parentValue, last) &&
    issue.code === 'invalid_type';
  if (missing) {
    const entry = describePath(file.value, path.slice(0, -1));
    return {
      severity: 'error',
      location: file.at(file.lineOf(path)),
      problem: `${entry ? `${entry}: ` : ''}"${last}" is missing`,
      fix: `add a "${last}:" line to this entry`,
    };
  }

  const line = file.lineOf(path);
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(file.value, path);
      // YAML reads `90` or `yes` as a number or a boolean; quoting keeps it text.
      const fix =
        issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
          ? `write it in quotes: "${value}"`
          : fixFor(issue.expected);
      return error(line, messageOr(issue.message, `expects ${issue.expected}`), fix);
    }
    case 'too_small':
      if (issue.origin === 'array') {
        return error(
          line,
          `needs at least ${issue.minimum} item(s)`,
          'add an item on a line starting with "- "',
        );
      }
      if (issue.origin === 'string')
        return error(line, 'must not be empty', 'write the text after the colon');
      return error(line, `must be at least ${issue.minimum}`, 'write a larger number');
    case 'too_big':
      return error(line, `must be at most ${issue.maximum}`, 'write a smaller number');
    case 'invalid_format':
      return error(line, issue.message, 'correct the value as described');
    default:
      return error(line, issue.message, 'correct the value (see the comment at the top of the file)');
  }
}

/** Zod's own fallback messages name JS types; ours are written for people. */
function messageOr(message: string, fallback: string): string {
  return message.startsWith('Invalid input') ? fallback : message;
}

function fixFor(expected: string): string {
  switch (expected) {
    case 'string':
      return 'write the text after the colon';
    case 'number':
      return 'write a whole number, without quotes';
    case 'boolean':
      return 'write true or false';
    case 'array':
      return 'write a list below it, one item per line starting with "- "';
    case 'object':
      return 'write its keys below it, indented';
    default:
      return `write a ${expected}`;
  }
}

/** "procedures entry 4 (id tips) → aliases → item 2": where inside the file, in words. */
function describePath(root: unknown, path: YamlPath): string {
  const parts: string[] = [];
  let value: unknown = root;
  for (const key of path) {
    value =
      isRecord(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = isRecord(value) && typeof value['id'] === 'string' ? ` (id ${value['id']})` : '';
      parts.push(`item ${key + 1}${id}`);
    } else parts.push(key);
  }
  return parts.join(' → ');
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys the schema allows for the object at `path`. */
export function allowedKeys(schema: z.ZodType, path: YamlPath): string[] {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (typeof key === 'number' && node instanceof z.ZodArray) node = unwrap(node.element as z.ZodType);
    else if (typeof key === 'string' && node instanceof z.ZodObject) {
      const child: z.ZodType | undefined = (node.shape as Record<string, z.ZodType>)[key];
      node = child ? unwrap(child) : undefined;
    } else return [];
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) {
      // A transformed entry: its keys are those of the schema it reads.
      s = s.in as z.ZodType;
    } else return s;
  }
}

/** The allowed word nearest to a misspelt one, if it is near enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function quote(s: string): string {
  return `"${s}"`;
}
