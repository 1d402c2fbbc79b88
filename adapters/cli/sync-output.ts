import { EventEmitter } from 'node:events';
import { fstatSync, writeSync } from 'node:fs';

/**
 * Standard output or error written straight to its file descriptor, for a file or a pipe: no
 * stream is made (process.stdout for a pipe loads Node's stream and net modules, about 6 ms of
 * a short command). A terminal gets Node's own stream. A pipe that is full (EAGAIN) hands the
 * rest to Node's stream, in order; a reader that has gone (EPIPE) ends the writing, as a closed
 * stream does ('close', then writable false).
 */
export class SyncOutput extends EventEmitter {
  writable = true;
  private stream: NodeJS.WriteStream | undefined;

  constructor(
    private readonly fd: number,
    private readonly nodeStream: () => NodeJS.WriteStream,
  ) {
    super();
  }

  write(chunk: string | Uint8Array, done?: (error?: Error | null) => void): boolean {
    if (this.stream) return this.stream.write(chunk, done);
    if (!this.writable) return false;
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    try {
      while (bytes.length > 0) bytes = bytes.subarray(writeSync(this.fd, bytes));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        this.stream = this.nodeStream();
        return this.stream.write(bytes, done);
      }
      this.writable = false;
      if (code === 'EPIPE') this.emit('close');
      else this.emit('error', error);
    }
    done?.();
    return this.writable;
  }

  /** Node's stream, once a full pipe handed the rest to it. */
  get handedTo(): NodeJS.WriteStream | undefined {
    return this.stream;
  }
}

/**
 * Resolves once everything written to `out` before now is out (or can no longer go anywhere): at
 * once for a SyncOutput, unless a full pipe handed the rest to Node's stream.
 */
export function flushed(out: NodeJS.WritableStream | SyncOutput): Promise<void> {
  const stream = out instanceof SyncOutput ? out.handedTo : (out as NodeJS.WriteStream);
  if (!stream || stream.destroyed || !stream.writable) return Promise.resolve();
  // An empty write's callback runs after every earlier write has been handed to the system.
  return new Promise((resolve) => {
    stream.write('', () => resolve());
    stream.once('close', resolve);
  });
}

/** Standard output or error as a command writes it: Node's stream for a terminal, else a SyncOutput. */
export function outputFor(
  fd: number,
  nodeStream: () => NodeJS.WriteStream,
): NodeJS.WritableStream | SyncOutput {
  try {
    const info = fstatSync(fd);
    if (info.isFile() || info.isFIFO() || info.isSocket()) return new SyncOutput(fd, nodeStream);
  } catch {
    // No such descriptor: Node's stream says so as it always has.
  }
  return nodeStream();
}
