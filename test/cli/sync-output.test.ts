import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

// writeSync as the system answers it: the real one, unless a test makes it fail.
const failures: Array<{ code: string; after: number }> = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    writeSync: (fd: number, bytes: Uint8Array) => {
      const failure = failures[0];
      if (failure) {
        // Writes `after` bytes, then fails as the system would.
        if (failure.after > 0) {
          const written = fs.writeSync(fd, bytes.subarray(0, Math.min(failure.after, bytes.length)));
          failure.after -= written;
          return written;
        }
        failures.shift();
        throw Object.assign(new Error(failure.code), { code: failure.code });
      }
      return fs.writeSync(fd, bytes);
    },
  };
});

const { flushed, outputFor, SyncOutput } = await import('../../adapters/cli/sync-output.js');

const dir = mkdtempSync(join(tmpdir(), 'rotabot-sync-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  failures.length = 0;
});

/** A stand-in for Node's stream: what it was handed, in order. */
function nodeStream() {
  const got: string[] = [];
  const stream = {
    destroyed: false,
    writable: true,
    write: (chunk: string | Uint8Array, done?: () => void) => {
      got.push(Buffer.from(chunk).toString());
      done?.();
      return true;
    },
    once: () => stream,
  };
  return { got, stream: stream as unknown as NodeJS.WriteStream };
}

describe('standard output written straight to a file or a pipe', () => {
  it('writes everything, in order, to a file, with no stream made', async () => {
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    const made = vi.fn(() => nodeStream().stream);
    const out = outputFor(fd, made);
    expect(out).toBeInstanceOf(SyncOutput);
    for (let i = 0; i < 100; i++) out.write(`line ${i} ${'é'.repeat(i)}\n`);
    await flushed(out);
    expect(made).not.toHaveBeenCalled();
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[99]).toBe(`line 99 ${'é'.repeat(99)}`);
  });

  it("hands the rest to Node's stream when the pipe is full, keeping the order", async () => {
    const file = join(dir, 'full.txt');
    const fd = openSync(file, 'w');
    const { got, stream } = nodeStream();
    const out = new SyncOutput(fd, () => stream);
    out.write('first\n');
    failures.push({ code: 'EAGAIN', after: 3 });
    out.write('second\n');
    out.write('third\n');
    await flushed(out);
    expect(readFileSync(file, 'utf8')).toBe('first\nsec');
    expect(got).toEqual(['ond\n', 'third\n', '']);
  });

  it('ends the writing when the reader has gone: close, then nothing more', () => {
    const fd = openSync(join(dir, 'gone.txt'), 'w');
    const out = new SyncOutput(fd, () => nodeStream().stream);
    const closed = vi.fn();
    out.once('close', closed);
    failures.push({ code: 'EPIPE', after: 0 });
    expect(out.write('lost\n')).toBe(false);
    expect(closed).toHaveBeenCalledOnce();
    expect(out.writable).toBe(false);
    expect(out.write('after\n')).toBe(false);
    expect(readFileSync(join(dir, 'gone.txt'), 'utf8')).toBe('');
  });

  it('reports any other failure as an error', () => {
    const fd = openSync(join(dir, 'broken.txt'), 'w');
    const out = new SyncOutput(fd, () => nodeStream().stream);
    const errors: unknown[] = [];
    out.on('error', (e) => errors.push((e as NodeJS.ErrnoException).code));
    failures.push({ code: 'EIO', after: 0 });
    out.write('x');
    expect(errors).toEqual(['EIO']);
  });
});
