import { pino } from 'pino';

/** The server's logger: pino, JSON lines on stdout. */
export type Logger = pino.Logger;

/**
 * A pino logger at `level`, by default `LOG_LEVEL` or `info`. Tests pass `silent` (or set `LOG_LEVEL=silent`) to
 * keep their output clean.
 */
export function createLogger(level: string = process.env.LOG_LEVEL || 'info'): Logger {
  return pino({ level });
}
