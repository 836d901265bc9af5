/** A tiny leveled logger. Secrets never go through it; callers pass plain data. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export function createLogger(scope: string, level: LogLevel = (process.env.KAT_LOG_LEVEL as LogLevel) || 'info'): Logger {
  const min = ORDER[level] ?? ORDER.info;
  const emit = (l: LogLevel, msg: string, data?: Record<string, unknown>) => {
    if (ORDER[l] < min) return;
    const line = `[${new Date().toISOString()}] ${l.toUpperCase()} ${scope}: ${msg}` + (data ? ' ' + JSON.stringify(data) : '');
    // every log line goes to stderr: stdout is for what a host prints on purpose (the UI URL)
    process.stderr.write(line + '\n');
  };
  return {
    debug: (m, d) => emit('debug', m, d),
    info: (m, d) => emit('info', m, d),
    warn: (m, d) => emit('warn', m, d),
    error: (m, d) => emit('error', m, d),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
