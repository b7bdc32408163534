/**
 * The routes in Fastify's `printRoutes({ commonPrefix: false })` tree, as `METHOD /path/{param}` (the
 * OpenAPI spelling), HEAD left out (Fastify adds it to every GET). A route the OpenAPI document lacks
 * (`hide`, or no tag with `hideUntagged`) would never be fuzzed: the suite compares the two.
 */
export function routesOfPrintedTree(printed: string): string[] {
  const routes: string[] = [];
  const parents: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line);
    if (!match) continue;
    const [, indent = '', segment = '', methods] = match;
    const depth = indent.length / 4;
    parents.length = depth;
    const path = `${parents.at(-1) ?? ''}${segment}`;
    parents.push(path);
    for (const method of methods?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes;
}
