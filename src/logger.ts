import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * JSON logs. Residents' messages are program data: they are never logged at info level;
 * log an answer's intent and ids instead, and the text only at debug.
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { app: 'rotabot' }, redact: ['*.token', '*.password', '*.secret'] },
    destination,
  );
}

export { silentLogger } from './silent-logger.js';
