import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

/**
 * The process logger. Requests are logged by path only (query strings can hold phone numbers and
 * verify tokens) and credentials are redacted wherever a header object is logged.
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
        '*.accessToken',
        '*.appSecret',
        '*.verifyToken',
        '*.password',
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
    },
    ...(options.pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
