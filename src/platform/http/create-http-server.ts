import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { HttpProblem, sendProblem } from './problem.ts';
import { limitPerAddress, type RateLimit } from './rate-limit.ts';
import { refusedValueProblem } from './refused-value.ts';
import { securityHeaders } from './security-headers.ts';
import { refuseUnstorableInput } from './unstorable-input.ts';

export type HttpServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Fastify with zod validation, OpenAPI 3.1 generated from the same schemas, problem+json errors,
 * request logs that carry no query strings (they can hold phone numbers or verify tokens), security
 * headers, and a per-address rate limit.
 */
export async function createHttpServer(options: {
  logger: FastifyBaseLogger;
  version: string;
  /** The proxies whose X-Forwarded-* headers are believed (TRUST_PROXY); none by default. */
  trustProxy?: string | false;
  /** How Careline is reached from outside: https there means HSTS on every answer. */
  publicUrl?: string;
  /** Requests per client address (signed webhook deliveries excepted); none when left out. */
  perIpLimit?: RateLimit;
}): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: 4 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', securityHeaders({ publicUrl: options.publicUrl, apiPrefix: '/api/' }));
  await limitPerAddress(app, options.perIpLimit);
  app.addHook('preValidation', refuseUnstorableInput);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Careline API',
        version: options.version,
        description: 'Patient conversations over WhatsApp and other channels, for a clinic.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'A clinic API key (cl_...)' },
        },
      },
      security: [{ apiKey: [] }],
    },
    hideUntagged: true,
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = locationName(error.validationContext);
      const errors = error.validation.map((issue) => ({
        field: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'is invalid',
      }));
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return sendProblem(reply, new HttpProblem(400, detail, errors));
    }
    const status = error.statusCode ?? 500;
    if (status < 500) return sendProblem(reply, new HttpProblem(status, error.message));
    const refused = refusedValueProblem(error);
    if (refused) {
      request.log.warn(
        { sqlState: refused.sqlState },
        'request refused: the database cannot take one of its values',
      );
      return sendProblem(reply, refused.problem);
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, new HttpProblem(500, 'Something went wrong on our side; it has been logged.'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new HttpProblem(404, `No route ${request.method} ${pathOf(request)}`)),
  );
  return app;
}

function locationName(context: string | undefined): string {
  return context === 'querystring' ? 'query' : (context ?? 'body');
}

export function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}
