import { readFile, stat } from 'node:fs/promises';
import type { Problem } from '../problem.js';
import { decodeSchedule, type ScheduleEncoding } from './encoding.js';
import { MAX_SCHEDULE_BYTES, SCHEDULE_URL_TIMEOUT_MS, TOO_LARGE_FIX } from './limits.js';

/** A schedule location that cannot be read; carries the problem to print. */
export class ScheduleReadError extends Error {
  readonly code = 'schedule_unreadable';
  constructor(readonly problem: Problem) {
    super(`${problem.location}: ${problem.problem} — ${problem.fix}`);
    this.name = 'ScheduleReadError';
  }
}

/** The text, and the encoding its bytes were in (anything but UTF-8 is worth a warning). */
export interface ScheduleText {
  text: string;
  encoding?: ScheduleEncoding;
}

export interface ScheduleReader {
  /** How problems name this location: the path, or the URL's origin (a published sheet's path is its key). */
  readonly source: string;
  /** The text, or 'unchanged' when the file's mtime and size, or the URL's ETag, say nothing changed. */
  read(): Promise<ScheduleText | 'unchanged'>;
}

export interface ScheduleReaderOptions {
  fetch?: typeof fetch;
  /** Headers and body together (SCHEDULE_URL_TIMEOUT_MS). */
  timeoutMs?: number;
  /** MAX_SCHEDULE_BYTES */
  maxBytes?: number;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
}

function unreadable(location: string, problem: string, fix: string): ScheduleReadError {
  return new ScheduleReadError({ severity: 'error', location, problem, fix });
}

function tooLarge(location: string, maxBytes: number): ScheduleReadError {
  return unreadable(location, `the schedule is too large (over ${maxBytes} bytes)`, TOO_LARGE_FIX);
}

/**
 * The body as text, read chunk by chunk: past `maxBytes` the download is cancelled, so an
 * address that streams forever costs at most that much memory (and the timeout bounds the time).
 */
async function readCapped(response: Response, maxBytes: number, source: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(source, maxBytes);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(source, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function createFileReader(path: string, maxBytes: number): ScheduleReader {
  let seen: { mtimeMs: number; size: number } | undefined;
  return {
    source: path,
    async read() {
      try {
        const info = await stat(path);
        if (seen && seen.mtimeMs === info.mtimeMs && seen.size === info.size) return 'unchanged';
        if (info.size > maxBytes) throw tooLarge(path, maxBytes);
        const decoded = decodeSchedule(await readFile(path));
        seen = { mtimeMs: info.mtimeMs, size: info.size };
        return decoded;
      } catch (error) {
        if (error instanceof ScheduleReadError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        throw unreadable(
          path,
          code === 'ENOENT'
            ? 'the schedule file does not exist'
            : `the schedule file cannot be read (${code})`,
          "set SCHEDULE_FILE to the CSV export of the schedule, or save it as schedule.csv in the program's folder",
        );
      }
    },
  };
}

function createUrlReader(location: string, options: ScheduleReaderOptions, maxBytes: number): ScheduleReader {
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
      // One deadline for the headers and the whole body: a peer that trickles cannot hold the job.
      const signal = AbortSignal.timeout(options.timeoutMs ?? SCHEDULE_URL_TIMEOUT_MS);
      const failed = (error: unknown): ScheduleReadError => {
        if (error instanceof ScheduleReadError) return error;
        const timedOut = signal.aborted || (error as Error).name === 'TimeoutError';
        return unreadable(
          source,
          timedOut ? 'the schedule address did not answer in time' : 'the schedule address cannot be reached',
          'check the link opens in a browser without signing in; the bot keeps the last schedule it read',
        );
      };
      try {
        response = await doFetch(url, {
          headers: { accept: 'text/csv, text/plain;q=0.9', ...(etag ? { 'if-none-match': etag } : {}) },
          redirect: 'follow',
          signal,
        });
      } catch (error) {
        throw failed(error);
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
      const bytes = await readCapped(response, maxBytes, source).catch((error: unknown) => {
        throw failed(error);
      });
      etag = response.headers.get('etag') ?? undefined;
      return decodeSchedule(bytes);
    },
  };
}

/** Reads a path, or an https URL of a published spreadsheet CSV. */
export function createScheduleReader(location: string, options: ScheduleReaderOptions = {}): ScheduleReader {
  const maxBytes = options.maxBytes ?? MAX_SCHEDULE_BYTES;
  return isUrl(location)
    ? createUrlReader(location, options, maxBytes)
    : createFileReader(location, maxBytes);
}
