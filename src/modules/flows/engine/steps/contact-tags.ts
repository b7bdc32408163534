import type { FlowRun } from '../flow-run.ts';

/** The contact's tags without `tag`, in their order. */
export function tagsWithout(run: FlowRun, tag: string): string[] {
  return run.contact.tags.filter((kept) => kept !== tag);
}

/** The contact's tags as the steps after this one in the same run see them. */
export function replaceTags(run: FlowRun, tags: readonly string[]): void {
  run.contact.tags.splice(0, run.contact.tags.length, ...tags);
}
