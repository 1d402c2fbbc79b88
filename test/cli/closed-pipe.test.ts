import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The `rotabot` bin and the pipe it writes to: a reader that leaves early ("… | head -1") ends
 * the command quietly with the command's own status; a slow reader still gets every line.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rotabot-pipe-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function rotabot(args: string[]) {
  const child = spawn(process.execPath, [join(root, 'bin', 'rotabot.js'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, stderr: () => stderr };
}

const batch = (count: number, text = 'does IR do TIPS?') =>
  Array.from({ length: count }, (_, i) => JSON.stringify({ id: `q${i}`, text })).join('\n');

const firstChunk = (stream: NodeJS.ReadableStream) =>
  new Promise<string>((resolve) => stream.once('data', (d: Buffer) => resolve(d.toString())));

describe('a reader that closes the pipe early', () => {
  it('stops the batch: the rest is not answered for nobody, and the run ends with status 0', async () => {
    const run = rotabot(['ask', '--jsonl']);
    // The input stays open, as from a program still writing: only the closed pipe can end the run.
    run.child.stdin.write(`${batch(50)}\n`);
    const first = await firstChunk(run.child.stdout);
    run.child.stdout.destroy();
    run.child.stdin.write(`${batch(5)}\n`);
    expect(first).toContain('"id":"q0"');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toBe('');
    run.child.stdin.destroy();
  }, 30_000);

  it('stops a batch read from a file too, before its failing last line is reached', async () => {
    // A file is read at once, so its lines come without waiting for the input: only the closed
    // pipe can end the run early. Distinct questions, so that no answer comes from a cache. The
    // shell makes a real pipe, as "rotabot ask --jsonl < file | head -1" does (a child's 'pipe'
    // here is a socket, which the command hears of sooner), and keeps the command's own status.
    const questions = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ id: `q${i}`, text: `who is on ${i % 2 ? 'IR' : 'the VA'} in ${2000 + i}?` }),
    );
    const file = join(scratch, 'batch.jsonl');
    const status = join(scratch, 'status');
    writeFileSync(file, `${questions.join('\n')}\nnot json\n`);
    const script = '{ "$0" "$1" ask --jsonl < "$2"; echo $? > "$3"; } | head -1';
    const shell = spawn(
      'sh',
      ['-c', script, process.execPath, join(root, 'bin', 'rotabot.js'), file, status],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      },
    );
    let out = '';
    let stderr = '';
    shell.stdout.on('data', (d) => {
      out += d;
    });
    shell.stderr.on('data', (d) => {
      stderr += d;
    });
    await new Promise((resolve) => shell.once('close', resolve));
    expect(JSON.parse(out)).toMatchObject({ id: 'q0' });
    expect(readFileSync(status, 'utf8').trim()).toBe('0');
    expect(stderr).toBe('');
  }, 120_000);

  it('keeps the command’s own failing status', async () => {
    const broken = join(scratch, 'knowledge');
    cpSync(join(root, 'knowledge'), broken, { recursive: true });
    writeFileSync(join(broken, 'program.yaml'), 'program: [\n');
    const run = rotabot(['check', '--knowledge', broken]);
    run.child.stdout.destroy();
    expect(await run.exited).toBe(1);
    expect(run.stderr()).not.toMatch(/EPIPE|\n\s+at /);
  }, 90_000);
});

describe('a reader slower than the command', () => {
  it('gets every line before the process ends, and the status says a line failed', async () => {
    const run = rotabot(['ask', '--jsonl']);
    // Long answers, more than a pipe holds, and one line that is not JSON.
    run.child.stdin.end(`${batch(300, 'what procedures does IR do?')}\nnot json\n`);
    await new Promise((r) => setTimeout(r, 1_500));
    let out = '';
    const read = new Promise((r) => run.child.stdout.once('close', r));
    run.child.stdout.on('data', (d) => {
      out += d;
    });
    const code = await run.exited;
    await read;
    const lines = out.trim().split('\n');
    expect(out.length).toBeGreaterThan(200_000);
    expect(lines).toHaveLength(301);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ error: expect.any(String) });
    expect(code).toBe(1);
  }, 90_000);
});
