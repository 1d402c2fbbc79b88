import { readFile, stat } from 'node:fs/promises';
import type { Problem } from '../problem.js';

/** A schedule location that cannot be read; carries the problem to print. */
export class ScheduleReadError extends Error {
  readonly code = 'schedule_unreadable';
  constructor(readonly problem: Problem) {
    super(`${problem.location}: ${problem.problem} — ${problem.fix}`);
    this.name = 'ScheduleReadError';
  }
}

export interface ScheduleReader {
  /** How problems name this location: the path, or the URL's origin (a published sheet's path is its key). */
  readonly source: string;
  /** The text, or 'unchanged' when the file's mtime and size, or the URL's ETag, say nothing changed. */
  read(): Promise<{ text: string } | 'unchanged'>;
}

export interface ScheduleReaderOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

function unreadable(location: string, problem: string, fix: string): ScheduleReadError {
  return new ScheduleReadError({ severity: 'error', location, problem, fix });
}

function createFileReader(path: string): ScheduleReader {
  let seen: { mtimeMs: number; size: number } | undefined;
  return {
    source: path,
    async read() {
      try {
        const info = await stat(path);
        if (seen && seen.mtimeMs === info.mtimeMs && seen.size === info.size) return 'unchanged';
        const text = await readFile(path, 'utf8');
        seen = { mtimeMs: info.mtimeMs, size: info.size };
        return { text };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw unreadable(
          path,
          code === 'ENOENT'
            ? 'the schedule file does not exist'
            : `the schedule file cannot be read (${code})`,
          'set SCHEDULE_FILE to the CSV export of the schedule, or leave it unset for knowledge/sample-schedule.csv',
        );
      }
    },
  };
}

function createUrlReader(location: string, options: ScheduleReaderOptions): ScheduleReader {
  const url = new URL(location);
  const source = `${url.origin}/…`;
  const doFetch = options.fetch ?? fetch;
  let etag: string | undefined;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    throw unreadable(
      source,
      `a ${url.protocol}// schedule address is refused: the roster would travel unencrypted`,
      'use the https:// link of the published sheet (http:// is accepted only for localhost)',
    );
  }
  return {
    source,
    async read() {
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { accept: 'text/csv, text/plain;q=0.9', ...(etag ? { 'if-none-match': etag } : {}) },
          redirect: 'follow',
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        throw unreadable(
          source,
          timedOut ? 'the schedule address did not answer in time' : 'the schedule address cannot be reached',
          'check the link opens in a browser without signing in; the bot keeps the last schedule it read',
        );
      }
      if (response.status === 304 && etag) return 'unchanged';
      if (!response.ok) {
        throw unreadable(
          source,
          `the schedule address answered HTTP ${response.status}`,
          'publish the sheet to the web as CSV (File → Share → Publish to web → CSV) and use that link',
        );
      }
      if ((response.headers.get('content-type') ?? '').includes('text/html')) {
        throw unreadable(
          source,
          'the schedule address gave a web page, not CSV (perhaps a sign-in page)',
          'publish the sheet to the web as CSV (File → Share → Publish to web → CSV) and use that link',
        );
      }
      const text = await response.text();
      etag = response.headers.get('etag') ?? undefined;
      return { text };
    },
  };
}

/** Reads a path, or an https URL of a published spreadsheet CSV. */
export function createScheduleReader(location: string, options: ScheduleReaderOptions = {}): ScheduleReader {
  return isUrl(location) ? createUrlReader(location, options) : createFileReader(location);
}
