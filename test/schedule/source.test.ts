import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { InvalidFileError, MAX_LOGGED_PROBLEMS } from '../../src/problem.js';
import {
  createScheduleSource,
  defaultScheduleLocation,
  validateScheduleFile,
} from '../../src/schedule/source.js';
import { knowledge } from '../fixtures/schedule/knowledge.js';

const GOOD = 'email,name,level,2026-11\nann@example.edu,Ann Lee,R4,IR\n';
const BETTER = 'email,name,level,2026-11\nann@example.edu,Ann Lee,R4,ICU\nbo@example.edu,Bo Ng,R5,IR-VA\n';
const BROKEN = 'email,name,level,2026-11\nann@example.edu,Ann Lee,R4,IR\nnot-an-email,Bo Ng,R5,IR\n';
const WARNED = 'email,name,level,2026-11\nann@example.edu,Ann Lee,R4,Nights\n';

function captureLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}
const live = { current: () => knowledge, close: async () => {} };
const labelOf = (s: { current(): { byEmail(e: string): { blocks: { label: string }[] } | undefined } }) =>
  s.current().byEmail('ann@example.edu')?.blocks[0]?.label;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotabot-schedule-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('defaultScheduleLocation', () => {
  it('is SCHEDULE_FILE, else the sample in the knowledge folder', () => {
    expect(defaultScheduleLocation(loadConfig({ KNOWLEDGE_DIR: 'kb' }))).toBe(
      join('kb', 'sample-schedule.csv'),
    );
    expect(defaultScheduleLocation(loadConfig({ SCHEDULE_FILE: 'https://x.example/s.csv' }))).toBe(
      'https://x.example/s.csv',
    );
  });
});

describe('createScheduleSource from a file', () => {
  it('does not warm a schedule replaced before its warm-up ends, and a warm-up that fails is logged while the schedule serves', async () => {
    // A schedule of twenty years: its warm-up takes a turn of the event loop for each of 240
    // months. The next version comes from memory (a sheet's address, fetched by a stand-in), so it
    // is read in a few turns, long before those months are built.
    const months = Array.from(
      { length: 240 },
      (_, i) => `${2020 + Math.floor((i + 6) / 12)}-${String(((i + 6) % 12) + 1).padStart(2, '0')}`,
    );
    let sheet = `email,name,level,${months.join(',')}\nann@example.edu,Ann Lee,R4,${months.map(() => 'IR').join(',')}\n`;
    const inMemory: typeof fetch = async () =>
      new Response(sheet, { headers: { 'content-type': 'text/csv', etag: `"${sheet.length}"` } });
    const { logger, lines } = captureLogger();
    const warmed: string[][] = [];
    const source = await createScheduleSource({
      location: 'https://sheets.example/schedule.csv',
      knowledge: live,
      refreshMs: 0,
      logger,
      fetch: inMemory,
      warm: (schedule) => {
        warmed.push(schedule.residents.map((r) => r.name));
        throw new Error('index failed');
      },
    });
    // Replaced at once, while the first schedule's months are still being built.
    sheet = BETTER;
    await source.refresh();
    await vi.waitFor(() => expect(warmed).toEqual([['Ann Lee', 'Bo Ng']]));
    await vi.waitFor(() =>
      expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toContain(
        'schedule indexes not built ahead: questions build them as they come',
      ),
    );
    expect(labelOf(source)).toBe('ICU');
    await source.close();
  });

  it('warms each schedule it loads: its months, then what `warm` builds, for the new schedule after a refresh', async () => {
    const path = join(dir, 'warm.csv');
    await writeFile(path, GOOD);
    const { logger } = captureLogger();
    const warmed: string[][] = [];
    const source = await createScheduleSource({
      location: path,
      knowledge: live,
      refreshMs: 0,
      logger,
      warm: (schedule) => void warmed.push(schedule.residents.map((r) => r.name)),
    });
    // After the months, a turn of the event loop each: not during the load.
    expect(warmed).toEqual([]);
    await vi.waitFor(() => expect(warmed).toEqual([['Ann Lee']]));
    await writeFile(path, BETTER);
    await utimes(path, new Date(), new Date(Date.now() + 5_000));
    await source.refresh();
    await vi.waitFor(() => expect(warmed).toEqual([['Ann Lee'], ['Ann Lee', 'Bo Ng']]));
    await source.close();
  });

  it('refuses a broken new version, keeps the last good one, and takes the next good one', async () => {
    const path = join(dir, 'refresh.csv');
    await writeFile(path, GOOD);
    const { logger, lines } = captureLogger();
    const source = await createScheduleSource({ location: path, knowledge: live, refreshMs: 0, logger });
    expect(labelOf(source)).toBe('IR');

    await writeFile(path, BROKEN);
    await utimes(path, new Date(), new Date(Date.now() + 5_000));
    await source.refresh();
    expect(labelOf(source)).toBe('IR');
    const errors = lines.filter((l) => l.level === 50).map((l) => l.msg);
    expect(
      errors.some((m) =>
        m.startsWith(`${path}: row 3, column A (header "email"): "not-an-email" is not an email address`),
      ),
    ).toBe(true);
    expect(errors.some((m) => m.includes('last good schedule stays in use'))).toBe(true);

    await writeFile(path, BETTER);
    await utimes(path, new Date(), new Date(Date.now() + 10_000));
    await source.refresh();
    expect(labelOf(source)).toBe('ICU');
    expect(source.current().residents).toHaveLength(2);
    await source.close();
  });

  it('resolves labels again when the knowledge base changes, without the file changing', async () => {
    const path = join(dir, 'relabel.csv');
    await writeFile(path, WARNED);
    const { logger, lines } = captureLogger();
    let kb = knowledge;
    const source = await createScheduleSource({
      location: path,
      knowledge: { current: () => kb, close: async () => {} },
      refreshMs: 0,
      logger,
    });
    const idOf = () => source.current().byEmail('ann@example.edu')!.blocks[0]!.rotationId;
    expect(idOf()).toBeNull();
    await source.refresh();
    expect(lines.filter((l) => l.msg === 'new schedule loaded')).toHaveLength(0);
    kb = {
      ...knowledge,
      rotations: knowledge.rotations.map((r) =>
        r.id === 'icu' ? { ...r, labels: [...r.labels, 'Nights'] } : r,
      ),
    };
    await source.refresh();
    expect(idOf()).toBe('icu');
    await source.close();
  });

  it('logs the first problems of a broken version and counts the rest, without the emails in it', async () => {
    const path = join(dir, 'many.csv');
    await writeFile(path, GOOD);
    const { logger, lines } = captureLogger();
    const source = await createScheduleSource({ location: path, knowledge: live, refreshMs: 0, logger });
    const rows = Array.from({ length: 30 }, (_, i) => `dup@example.edu,Dup ${i},R4,IR\n`).join('');
    await writeFile(path, `email,name,level,2026-11\n${rows}`);
    await utimes(path, new Date(), new Date(Date.now() + 5_000));
    await source.refresh();
    expect(labelOf(source)).toBe('IR');
    const errors = lines.filter((l) => l.level === 50).map((l) => l.msg);
    expect(errors.filter((m) => m.startsWith(`${path}:`))).toHaveLength(MAX_LOGGED_PROBLEMS);
    expect(errors).toContain('and 19 more problems: run `npm run cli -- check` to list them all');
    expect(JSON.stringify(lines)).not.toContain('dup@example.edu');
    await source.close();
  });

  it('logs unknown labels as warnings and still loads', async () => {
    const path = join(dir, 'warned.csv');
    await writeFile(path, WARNED);
    const { logger, lines } = captureLogger();
    const source = await createScheduleSource({ location: path, knowledge: live, refreshMs: 0, logger });
    expect(labelOf(source)).toBe('Nights');
    expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      expect.stringContaining('warning: the rotation "Nights" is not one the knowledge base knows'),
    ]);
    await source.close();
  });

  it('stops start-up with every problem located when the first version is broken or missing', async () => {
    const path = join(dir, 'broken.csv');
    await writeFile(path, BROKEN);
    const { logger } = captureLogger();
    const error = await createScheduleSource({ location: path, knowledge: live, refreshMs: 0, logger }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(InvalidFileError);
    expect(error.message).toContain(
      `${path}: row 3, column A (header "email"): "not-an-email" is not an email address`,
    );
    const missing = await createScheduleSource({
      location: join(dir, 'nope.csv'),
      knowledge: live,
      refreshMs: 0,
      logger,
    }).catch((e) => e);
    expect(missing).toBeInstanceOf(InvalidFileError);
    expect(missing.message).toContain('the schedule file does not exist');
  });

  it('reads a schedule Excel saved as Windows-1252 with its accents, and warns how to save it as UTF-8', async () => {
    const path = join(dir, 'excel-windows.csv');
    // "Renée" and a curly apostrophe as Excel on Windows writes them: single bytes 0xE9 and 0x92.
    const bytes = Buffer.concat([
      Buffer.from('email,name,level,2026-11\r\nann@example.edu,Ren', 'ascii'),
      Buffer.from([0xe9]),
      Buffer.from('e O', 'ascii'),
      Buffer.from([0x92]),
      Buffer.from('Neil,R4,IR\r\n', 'ascii'),
    ]);
    await writeFile(path, bytes);
    const { logger, lines } = captureLogger();
    const source = await createScheduleSource({ location: path, knowledge: live, refreshMs: 0, logger });
    expect(source.current().byEmail('ann@example.edu')?.name).toBe('Renée O\u2019Neil');
    expect(lines.some((l) => l.level === 40 && l.msg.includes('not UTF-8'))).toBe(true);
    const problems = await validateScheduleFile(path, knowledge);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        location: `${path}: row 1`,
        fix: expect.stringContaining('CSV UTF-8'),
      }),
    ]);
    await source.close();
  });

  it('reads a UTF-8 schedule without an encoding warning', async () => {
    const path = join(dir, 'utf8.csv');
    await writeFile(path, 'email,name,level,2026-11\nann@example.edu,Renée O’Neil,R4,IR\n');
    expect(await validateScheduleFile(path, knowledge)).toEqual([]);
  });

  it('validates a file for check', async () => {
    const path = join(dir, 'check.csv');
    await writeFile(path, BROKEN);
    expect((await validateScheduleFile(path, knowledge)).map((p) => p.location)).toEqual([
      `${path}: row 3, column A (header "email")`,
    ]);
    expect(await validateScheduleFile(join(dir, 'missing.csv'), knowledge)).toMatchObject([
      { severity: 'error', problem: 'the schedule file does not exist' },
    ]);
  });
});

describe('createScheduleSource from a URL', () => {
  let server: Server;
  let body = GOOD;
  let requests: { etag?: string }[] = [];
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push({ etag: req.headers['if-none-match'] as string | undefined });
      const etag = `"${body.length}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/csv', etag }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('re-reads a local published CSV with its ETag and refuses a broken version', async () => {
    body = GOOD;
    requests = [];
    const { logger } = captureLogger();
    const source = await createScheduleSource({
      location: `${base}/pub.csv`,
      knowledge: live,
      refreshMs: 0,
      logger,
    });
    expect(labelOf(source)).toBe('IR');
    await source.refresh();
    expect(requests.at(-1)!.etag).toBe(`"${GOOD.length}"`);
    body = BROKEN;
    await source.refresh();
    expect(labelOf(source)).toBe('IR');
    body = BETTER;
    await source.refresh();
    expect(labelOf(source)).toBe('ICU');
    await source.close();
  });

  it('fetches https with nock, keeps the last version when the sheet errors, and refuses plain http', async () => {
    nock.disableNetConnect();
    const scope = nock('https://sheets.example.com')
      .get('/pub')
      .query({ output: 'csv' })
      .reply(200, GOOD, { 'content-type': 'text/csv' })
      .get('/pub')
      .query({ output: 'csv' })
      .reply(500, 'oops')
      .get('/pub')
      .query({ output: 'csv' })
      .reply(200, '<html>sign in</html>', { 'content-type': 'text/html' });
    const { logger, lines } = captureLogger();
    const location = 'https://sheets.example.com/pub?output=csv';
    const source = await createScheduleSource({ location, knowledge: live, refreshMs: 0, logger });
    expect(labelOf(source)).toBe('IR');
    await source.refresh();
    await source.refresh();
    expect(labelOf(source)).toBe('IR');
    expect(scope.isDone()).toBe(true);
    const errors = lines.filter((l) => l.level === 50).map((l) => l.msg);
    expect(errors[0]).toContain('https://sheets.example.com/…: the schedule address answered HTTP 500');
    expect(errors[1]).toContain('gave a web page, not CSV');
    // The published sheet's path is its key: it is not logged.
    expect(JSON.stringify(lines)).not.toContain('/pub');
    await source.close();

    const refused = await createScheduleSource({
      location: 'http://sheets.example.com/pub.csv',
      knowledge: live,
      refreshMs: 0,
      logger,
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(InvalidFileError);
    expect(refused.message).toContain('refused');
  });
});

describe('a schedule URL that misbehaves', () => {
  let server: Server;
  let base: string;
  const open = new Set<import('node:http').ServerResponse>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      open.add(res);
      res.on('close', () => open.delete(res));
      if (req.url === '/healthz') return void res.writeHead(200).end('ok');
      if (req.url === '/good.csv') return void res.writeHead(200, { 'content-type': 'text/csv' }).end(GOOD);
      if (req.url === '/hang.csv') return; // never answers
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('email,name,level,2026-11\n');
      if (req.url === '/trickle.csv') {
        const timer = setInterval(() => res.write('a'), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      // /endless.csv: as fast as the client reads, forever.
      const row = Buffer.from('ann@example.edu,Ann Lee,R4,IR\n'.repeat(2000));
      const pump = () => {
        while (!res.destroyed && res.write(row));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of open) res.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A source that starts from the good sheet, then is pointed at `path` for its next read. */
  async function sourceSwitchingTo(path: string, options: { timeoutMs?: number; maxBytes?: number } = {}) {
    const { logger, lines } = captureLogger();
    let target = `${base}/good.csv`;
    const switching: typeof fetch = (_url, init) => fetch(target, init);
    const source = await createScheduleSource({
      location: `${base}/schedule.csv`,
      knowledge: live,
      refreshMs: 0,
      logger,
      fetch: switching,
      ...options,
    });
    target = `${base}${path}`;
    return { source, lines };
  }

  it('cuts a never-ending body off at the byte limit, keeps the last good schedule, and stays responsive', async () => {
    const { source, lines } = await sourceSwitchingTo('/endless.csv', { maxBytes: 256 * 1024 });
    const refreshing = source.refresh();
    // The process keeps serving while the download runs.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await refreshing;
    expect(labelOf(source)).toBe('IR');
    const errors = lines.filter((l) => l.level === 50).map((l) => l.msg);
    expect(errors.join('\n')).toContain('the schedule is too large (over 262144 bytes)');
    await source.close();
  });

  it.each([
    ['never answers', '/hang.csv'],
    ['trickles a byte at a time', '/trickle.csv'],
  ])(
    'gives up on an address that %s at the time limit, keeping the last good schedule',
    async (_name, path) => {
      const { source, lines } = await sourceSwitchingTo(path, { timeoutMs: 400 });
      await source.refresh();
      expect(labelOf(source)).toBe('IR');
      const errors = lines.filter((l) => l.level === 50).map((l) => l.msg);
      expect(errors.join('\n')).toContain('the schedule address did not answer in time');
      await source.close();
    },
  );

  it('refuses a file with more rows than the limit, naming the limit', async () => {
    const path = join(dir, 'huge.csv');
    await writeFile(path, `email,name,level,2026-11\n${'ann@example.edu,Ann Lee,R4,IR\n'.repeat(50_001)}`);
    const result = await validateScheduleFile(path, knowledge).catch((e: unknown) => e);
    const text = JSON.stringify(result instanceof Error ? result.message : result);
    expect(text).toContain('the schedule is too large: 50001 rows (the limit is 50000)');
  });
});
