import type { Logger } from 'pino';

const noop = () => {};

/**
 * A logger that writes nothing, for tests and quiet command-line runs. Written here rather than
 * made with pino, so a command that never logs never loads the logging library (a fifth of a
 * short run's start-up).
 */
export const silentLogger: Logger = Object.assign(Object.create(null), {
  level: 'silent',
  fatal: noop,
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  trace: noop,
  silent: noop,
  isLevelEnabled: () => false,
  bindings: () => ({}),
  flush: noop,
  child: () => silentLogger,
}) as Logger;
