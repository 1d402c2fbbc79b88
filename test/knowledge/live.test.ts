import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKnowledgeSource } from '../../src/knowledge/live.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { createLogger } from '../../src/logger.js';
import { InvalidFileError } from '../../src/problem.js';
import type { LiveSource } from '../../src/runtime.js';
import { copyShipped, editFile, lineOf, replaceOnce } from './helpers.js';

interface LogLine {
  level: number;
  msg: string;
  location?: string;
}

let dir: string;
let cleanup: () => Promise<void>;
let logs: LogLine[];
let source: LiveSource<Knowledge> | undefined;
const logger = () => createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) });
const ERROR = 50;

beforeEach(async () => {
  ({ dir, cleanup } = await copyShipped());
  logs = [];
  source = undefined;
});
afterEach(async () => {
  await source?.close();
  await cleanup();
});

const volume = (k: Knowledge) => k.program.volume.procedures_per_month;
const setVolume = (n: number) =>
  editFile(dir, 'program.yaml', (t) => t.replace(/procedures_per_month: .*/, `procedures_per_month: ${n}`));
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe('createKnowledgeSource', () => {
  it('stops start-up on a broken file, with the located problems', async () => {
    const text = await editFile(dir, 'rotations.yaml', (t) =>
      replaceOnce(t, '    labels:\n', '    lables:\n'),
    );
    const error = await createKnowledgeSource(dir, { logger: logger(), watch: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidFileError);
    expect((error as InvalidFileError).message).toContain(
      `${join(dir, 'rotations.yaml')}:${lineOf(text, 'lables:')}:`,
    );
  });

  it.each([
    ['watching', { debounceMs: 20 }],
    ['polling', { poll: true, pollMs: 30, debounceMs: 10 }],
  ])('picks up a good edit while %s, and keeps the last good knowledge on a broken one', async (_, mode) => {
    const reloaded: number[] = [];
    source = await createKnowledgeSource(dir, {
      logger: logger(),
      ...mode,
      onReload: (k) => reloaded.push(volume(k)),
    });
    expect(volume(source.current())).toBe(700);

    await setVolume(7123);
    await waitFor(() => expect(volume(source!.current())).toBe(7123));
    expect(reloaded).toContain(7123);

    const broken = await editFile(dir, 'program.yaml', (t) =>
      replaceOnce(t, 'procedures_per_month: 7123', 'procedures_per_month: many'),
    );
    const location = `${join(dir, 'program.yaml')}:${lineOf(broken, 'procedures_per_month')}`;
    await waitFor(() => expect(logs.some((l) => l.level === ERROR && l.location === location)).toBe(true));
    expect(logs.find((l) => l.location === location)?.msg).toMatch(/procedures_per_month.* — /);
    expect(volume(source.current())).toBe(7123);

    await setVolume(80);
    await waitFor(() => expect(volume(source!.current())).toBe(80));
  });

  it('logs warnings (an unknown extra file) but loads', async () => {
    await writeFile(join(dir, 'extra.yaml'), 'x: 1\n');
    source = await createKnowledgeSource(dir, { logger: logger(), watch: false });
    expect(source.current().procedures.length).toBeGreaterThan(0);
    expect(logs.some((l) => l.level === 40 && l.location === `${join(dir, 'extra.yaml')}:1`)).toBe(true);
  });

  it('does not watch when asked not to, and close() is safe', async () => {
    source = await createKnowledgeSource(dir, { logger: logger(), watch: false });
    await setVolume(1234);
    expect(volume(source.current())).toBe(700);
    await source.close();
    await source.close();
  });

  it('survives a listener that throws', async () => {
    source = await createKnowledgeSource(dir, {
      logger: logger(),
      debounceMs: 10,
      onReload: () => {
        throw new Error('listener bug');
      },
    });
    await setVolume(4321);
    await waitFor(() => expect(volume(source!.current())).toBe(4321));
    await waitFor(() => expect(logs.some((l) => l.msg === 'knowledge reload listener failed')).toBe(true));
  });
});
