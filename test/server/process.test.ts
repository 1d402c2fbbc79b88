import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fakeSlackApi, fakeTeamsService } from '../../bench/fake-platforms.js';
import { BENCH_SIGNING_SECRET, signedSlackMessage, teamsMessage } from '../../bench/payloads.js';
import { deleteKeysUnder, testKeyPrefix } from '../support/redis-keys.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** The server's entry point, as its own process: from the sources (tsx), or as `npm start` runs it. */
function startServer(env: Record<string, string>, entry = ['--import', 'tsx', 'adapters/main.ts']) {
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const line = stdout.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    void exited.then((code) => reject(new Error(`exited ${code} before listening: ${stderr}`)));
  });
  listening.catch(() => {}); // tests that expect an early exit never await it

  return { child, listening, exited, output: () => ({ stdout, stderr }) };
}

describe('the server process', () => {
  // With Redis, under a key prefix of this run's own.
  const REDIS_PREFIX = testKeyPrefix('process');
  afterAll(() => deleteKeysUnder(REDIS_PREFIX));
  it.each([
    ['in memory', {}],
    ['with Redis', { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX }],
  ])(
    'serves (%s), then on SIGTERM stops everything and exits 0 within 10 s',
    async (_name, env) => {
      const server = startServer(env);
      const port = await server.listening;
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      const { checks } = (await ready.json()) as { checks: Record<string, string> };
      expect(Object.keys(checks).sort()).toEqual(
        'REDIS_URL' in env ? ['knowledge', 'redis', 'schedule'] : ['knowledge', 'schedule'],
      );
      // An idle keep-alive connection must not hold the shutdown open.
      await fetch(`http://127.0.0.1:${port}/api/web/roster`).then((r) => r.text());
      const asked = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(Date.now() - asked).toBeLessThan(10_000);
      const { stdout } = server.output();
      expect(stdout).toContain('"msg":"shutting down"');
      expect(stdout).toContain('"msg":"stopped"');
      // Access logs carry request ids and never bodies.
      expect(stdout).toMatch(/"requestId":"[0-9a-f-]{36}".*"path":"\/api\/web\/roster"/);
    },
    60_000,
  );

  it.each([
    ['`npm start` starts it (bin/server.js)', 'bin/server.js'],
    ['the Docker image starts it (dist/adapters/main.js)', 'dist/adapters/main.js'],
  ])(
    'starts from the build as %s, serves, and exits 0 on SIGTERM',
    async (_how, entry) => {
      const server = startServer({}, [entry]);
      const port = await server.listening;
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output().stderr).toBe('');
    },
    60_000,
  );

  it.each(['slack', 'teams'] as const)(
    'from the build, answers on %s through its SDK, loaded from its own bundle and nothing from node_modules',
    async (platform) => {
      const fake =
        platform === 'slack' ? await fakeSlackApi(() => undefined) : await fakeTeamsService(() => undefined);
      const dir = mkdtempSync(join(tmpdir(), 'rotabot-sdks-'));
      // What the process loaded through Node's module loader, written as it exits.
      const probe = join(dir, 'probe.cjs');
      const loadedFile = join(dir, 'loaded.json');
      writeFileSync(
        probe,
        `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loadedFile)}, JSON.stringify(Object.keys(require.cache))));`,
      );
      try {
        const env: Record<string, string> =
          platform === 'slack'
            ? {
                SLACK_BOT_TOKEN: 'xoxb-test',
                SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
                SLACK_API_URL: fake.url,
              }
            : { TEAMS_EMULATOR: 'on' };
        // Without the scheduler, whose node-cron is the one package the server loads from node_modules.
        const server = startServer({ HOST: '127.0.0.1', SCHEDULER: 'off', ...env }, [
          '-r',
          probe,
          'dist/adapters/main.js',
        ]);
        const port = await server.listening;
        let replied: Promise<number>;
        let sent: Response;
        if (platform === 'slack') {
          replied = fake.nextReply('D7');
          const { body, headers } = signedSlackMessage(7, 'does IR do TIPS?');
          sent = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
        } else {
          const message = teamsMessage(fake.url, 8, 'does IR do TIPS?');
          replied = fake.nextReply(message.conversation.id);
          sent = await fetch(`http://127.0.0.1:${port}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(message),
          });
        }
        expect(sent.status).toBe(200);
        await replied;
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
        expect(server.output().stderr).toBe('');
        const loaded = JSON.parse(readFileSync(loadedFile, 'utf8')) as string[];
        expect(loaded.filter((f) => f.includes('node_modules'))).toEqual([]);
        expect(loaded.map((f) => f.slice(root.length))).toContain(`dist/server/sdk-${platform}.cjs`);
      } finally {
        await fake.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('refuses to start with a wrong variable, naming it', async () => {
    const server = startServer({ PORT: 'eighty', REDIS_URL: 'localhost' });
    expect(await server.exited).toBe(1);
    const { stderr } = server.output();
    expect(stderr).toContain('PORT expects a port number');
    expect(stderr).toContain('REDIS_URL expects a redis:// or rediss:// URL');
  }, 60_000);

  it('refuses to start with a broken knowledge base, printing located problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rotabot-kb-'));
    writeFileSync(join(dir, 'program.yaml'), 'program:\n  id: Not An Id\n');
    try {
      const server = startServer({ KNOWLEDGE_DIR: dir });
      expect(await server.exited).toBe(1);
      const { stderr } = server.output();
      expect(stderr).toContain('rotabot cannot start');
      expect(stderr).toMatch(/program\.yaml:\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('on a busy port says which port and how to change it, in one line, with no stack trace', async () => {
    const { createServer: createNetServer } = await import('node:net');
    const busy = createNetServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)),
    );
    try {
      const server = startServer({ PORT: String(port), HOST: '127.0.0.1' });
      expect(await server.exited).toBe(1);
      const { stderr } = server.output();
      expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`port ${port} is already in use`)]);
      expect(stderr).toContain('set PORT to a free port');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      busy.close();
    }
  }, 30_000);

  it('without Slack or Teams says reminders are off, and does not claim a scheduler', async () => {
    const server = startServer({});
    await server.listening;
    const lines = server.output().stdout.split('\n').filter(Boolean);
    expect(lines.some((l) => l.includes('announcements and reminders are off'))).toBe(true);
    expect(JSON.parse(lines.find((l) => l.includes('"msg":"listening"'))!).scheduler).toBe(false);
  }, 30_000);
});
