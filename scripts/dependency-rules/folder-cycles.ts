/** The slice of dependency-cruiser's JSON output (`--output-type json`) that folder cycles need. */
export interface CruisedModule {
  source: string;
  dependencies: readonly { resolved: string }[];
}

/** One folder importing another while the other, directly or not, imports it back. */
export interface FolderCycleEdge {
  from: string;
  to: string;
  /** A file import behind `from → to`, to show where to start. */
  via: string;
  /** The way back, folder by folder, from `to` to `from`. */
  back: readonly string[];
}

// Tests wire real modules together to set up a scene; they are nobody's dependency.
const TEST_FILE = /\.test(-support)?\.tsx?$/;

/**
 * The folder a file counts in: a capability (`src/modules/inbox`, `src/platform/db`,
 * `src/channels/whatsapp`, `web/src/api`), the shared files of `src/channels`, another top folder of
 * src/ (`src/cli`), or the file itself when it sits at the top (`src/app.ts`, the composition root).
 */
export function folderOf(path: string): string | null {
  const capability = /^(src\/(?:modules|platform|channels)\/[^/]+)\//.exec(path);
  if (capability?.[1]) return capability[1];
  const top = /^(src\/[^/]+|web\/src\/[^/]+)\//.exec(path);
  if (top?.[1]) return top[1];
  return /^(src|web\/src)\/[^/]+$/.test(path) ? path : null;
}

/** Every folder-to-folder import that closes a cycle, sorted, each once. */
export function folderCycleEdges(modules: readonly CruisedModule[]): FolderCycleEdge[] {
  const graph = new Map<string, Map<string, string>>();
  for (const module of modules) {
    if (TEST_FILE.test(module.source)) continue;
    const from = folderOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (!to || to === from) continue;
      const targets = graph.get(from) ?? new Map<string, string>();
      if (!targets.has(to)) targets.set(to, `${module.source} → ${dependency.resolved}`);
      graph.set(from, targets);
    }
  }
  const edges: FolderCycleEdge[] = [];
  for (const [from, targets] of graph) {
    for (const [to, via] of targets) {
      const back = pathBetween(graph, to, from);
      if (back) edges.push({ from, to, via, back });
    }
  }
  return edges.sort((a, b) => edgeKey(a).localeCompare(edgeKey(b)));
}

export function edgeKey(edge: { from: string; to: string }): string {
  return `${edge.from} → ${edge.to}`;
}

/** Breadth first, so the way back shown is a shortest one. */
function pathBetween(graph: Map<string, Map<string, string>>, start: string, goal: string): string[] | null {
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (next === goal) {
      const path: string[] = [];
      for (let at: string | null | undefined = next; at; at = cameFrom.get(at)) path.unshift(at);
      return path;
    }
    for (const target of graph.get(next)?.keys() ?? []) {
      if (!cameFrom.has(target)) {
        cameFrom.set(target, next);
        queue.push(target);
      }
    }
  }
  return null;
}
