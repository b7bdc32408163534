/** Walking and editing a parsed JSON value by path, for mutations that break one field of it. */

export type JsonPath = Array<string | number>;

/** Every value inside `value` (not `value` itself), with its path, parents before children. */
export function leaves(value: unknown, path: JsonPath = []): Array<{ path: JsonPath; value: unknown }> {
  const found: Array<{ path: JsonPath; value: unknown }> = path.length > 0 ? [{ path, value }] : [];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) found.push(...leaves(item, [...path, i]));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) found.push(...leaves(item, [...path, key]));
  }
  return found;
}

export function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const step of path) {
    if (Array.isArray(current) && typeof step === 'number') current = current[step];
    else if (isPlainObject(current)) current = current[String(step)];
    else return undefined;
  }
  return current;
}

export function setAt(root: unknown, path: JsonPath, value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path.at(-1);
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = value;
  else if (isPlainObject(parent) && last !== undefined) parent[String(last)] = value;
}

export function removeAt(root: unknown, path: JsonPath): void {
  const parent = valueAt(root, path.slice(0, -1));
  const last = path.at(-1);
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (isPlainObject(parent) && last !== undefined) delete parent[String(last)];
}

/** A plain object as JSON.parse makes them (not an array, nor a RawJson or JsonEntries). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
