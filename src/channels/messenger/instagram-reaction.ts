/**
 * The reactions Instagram's Send API takes (`sender_action: "react"`, `payload.reaction`), by the emoji
 * Careline's composer sends. Instagram names reactions rather than taking any emoji; the names are those
 * of Meta's reaction webhooks (verify against the live API before widening).
 */
const REACTIONS: Readonly<Record<string, string>> = {
  '❤️': 'love',
  '❤': 'love',
  '👍': 'like',
  '😆': 'haha',
  '😂': 'haha',
  '😮': 'wow',
  '😢': 'sad',
  '😡': 'angry',
  '😠': 'angry',
};

/** `unreact` for an empty emoji (the port's "remove my reaction"), the reaction's name, or null. */
export function instagramReactionOf(
  emoji: string,
): { action: 'react'; reaction: string } | { action: 'unreact' } | null {
  if (emoji === '') return { action: 'unreact' };
  const reaction = REACTIONS[emoji];
  return reaction === undefined ? null : { action: 'react', reaction };
}
