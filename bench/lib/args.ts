/** `--name value` and `--flag` arguments; anything else is an error the caller reports. */
export function parseFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) {
      flags.set(name, next);
      i += 1;
    } else flags.set(name, 'true');
  }
  return flags;
}

export class Flags {
  readonly #flags: Map<string, string>;
  readonly #known = new Set<string>();

  constructor(argv: string[]) {
    this.#flags = parseFlags(argv);
  }

  number(name: string, fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
    this.#known.add(name);
    const raw = this.#flags.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max)
      throw new Error(`--${name} must be a number between ${min} and ${max}, got "${raw}"`);
    return value;
  }

  string(name: string, fallback: string): string {
    this.#known.add(name);
    return this.#flags.get(name) ?? fallback;
  }

  boolean(name: string, fallback: boolean): boolean {
    this.#known.add(name);
    const raw = this.#flags.get(name);
    if (raw === undefined) return fallback;
    if (['true', 'on', '1', 'yes'].includes(raw)) return true;
    if (['false', 'off', '0', 'no'].includes(raw)) return false;
    throw new Error(`--${name} must be on or off, got "${raw}"`);
  }

  /** Throws on a flag nobody asked for (a typo would otherwise be ignored silently). */
  rejectUnknown(): void {
    const unknown = [...this.#flags.keys()].filter((name) => !this.#known.has(name));
    if (unknown.length > 0) throw new Error(`unknown flag(s): ${unknown.map((n) => `--${n}`).join(', ')}`);
  }
}
