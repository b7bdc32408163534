import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import { describeErrorSafely, safeErrorFields, sanitiseErrorText } from './safe-error.ts';

/**
 * The process logger. Requests are logged by path only (query strings can hold phone numbers and
 * verify tokens), credentials are redacted wherever a header object is logged, and errors are logged
 * by kind and place only: a database error's message, parameters and detail carry patients' messages,
 * names, numbers, webhook bodies and password hashes (safe-error.ts).
 */
export function createLogger(options: {
  level: string;
  pretty?: boolean;
  destination?: DestinationStream;
}): Logger {
  const settings: LoggerOptions = {
    level: options.level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-hub-signature-256"]',
        'req.headers["x-csrf-token"]',
        'req.body',
        '*.accessToken',
        '*.appSecret',
        '*.verifyToken',
        '*.password',
        '*.passwordHash',
        '*.token',
        '*.csrfToken',
        '*.params',
        '*.body',
        '*.rawBody',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url?.split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: loggableError,
      error: loggableError,
    },
    hooks: {
      // `log.error(error)` would make the error's own message the line's message.
      logMethod(args, method) {
        const [first, ...rest] = args;
        if (!(first instanceof Error)) return method.apply(this, args);
        const [message, more] =
          typeof rest[0] === 'string' ? [rest[0], rest.slice(1)] : [describeErrorSafely(first), rest];
        return method.apply(this, [{ err: first }, message, ...more]);
      },
    },
    ...(options.pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

function loggableError(value: unknown): unknown {
  if (typeof value === 'string') return sanitiseErrorText(value);
  return safeErrorFields(value);
}
