import { afterAll } from 'vitest';

/**
 * A deprecation today is an error in a dependency's next major (pg warns that a query sent to a
 * connection still busy with another, e.g. Promise.all inside a transaction, fails in pg@9): a test
 * file during which Node emits one fails, showing where it came from.
 */
const deprecations: Error[] = [];
// Deep enough to get past the driver and the query builder to the code that sent the query.
Error.stackTraceLimit = 40;

process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning') deprecations.push(warning);
});

afterAll(() => {
  if (deprecations.length === 0) return;
  const found = deprecations.map((warning) => warning.stack ?? warning.message).join('\n\n');
  deprecations.length = 0;
  throw new Error(`Node emitted deprecation warnings during this file:\n${found}`);
});
