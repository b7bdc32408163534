import type { FlowRun } from '../flow-run.ts';

/**
 * The contact's tags without `tag`, in their order. Tags are one whatever their case ("VIP" is "vip"),
 * as the host stores them and as a branch's tag condition reads them.
 */
export function tagsWithout(run: FlowRun, tag: string): string[] {
  const folded = tag.toLowerCase();
  return run.contact.tags.filter((kept) => kept.toLowerCase() !== folded);
}

/** The contact's tags as the steps after this one in the same run see them. */
export function replaceTags(run: FlowRun, tags: readonly string[]): void {
  run.contact.tags.splice(0, run.contact.tags.length, ...tags);
}
