import type { ReactionTypeEmoji } from '@grammyjs/types';

type ReactionEmoji = ReactionTypeEmoji['emoji'];

/**
 * The emoji a bot may react with (Bot API `ReactionTypeEmoji`); Telegram refuses any other with
 * REACTION_INVALID. Typed against @grammyjs/types, so a list that falls out of step with the types
 * (a removed emoji here, an added one there) does not compile.
 */
const LIST = [
  '👍',
  '👎',
  '❤',
  '🔥',
  '🥰',
  '👏',
  '😁',
  '🤔',
  '🤯',
  '😱',
  '🤬',
  '😢',
  '🎉',
  '🤩',
  '🤮',
  '💩',
  '🙏',
  '👌',
  '🕊',
  '🤡',
  '🥱',
  '🥴',
  '😍',
  '🐳',
  '❤‍🔥',
  '🌚',
  '🌭',
  '💯',
  '🤣',
  '⚡',
  '🍌',
  '🏆',
  '💔',
  '🤨',
  '😐',
  '🍓',
  '🍾',
  '💋',
  '🖕',
  '😈',
  '😴',
  '😭',
  '🤓',
  '👻',
  '👨‍💻',
  '👀',
  '🎃',
  '🙈',
  '😇',
  '😨',
  '🤝',
  '✍',
  '🤗',
  '🫡',
  '🎅',
  '🎄',
  '☃',
  '💅',
  '🤪',
  '🗿',
  '🆒',
  '💘',
  '🙉',
  '🦄',
  '😘',
  '💊',
  '🙊',
  '😎',
  '👾',
  '🤷‍♂',
  '🤷',
  '🤷‍♀',
  '😡',
] as const satisfies readonly ReactionEmoji[];

// Fails to compile when @grammyjs/types allows an emoji the list lacks.
const everyEmojiListed: Exclude<ReactionEmoji, (typeof LIST)[number]> extends never ? true : never = true;
void everyEmojiListed;

/**
 * The emoji as Telegram takes it, or null when a bot may not react with it. Keyboards add the emoji
 * presentation selector (U+FE0F) to some (❤️ for ❤); Telegram's list has them without it.
 */
export function telegramReactionEmoji(emoji: string): ReactionEmoji | null {
  const bare = emoji.replaceAll('\uFE0F', '');
  return LIST.find((allowed) => allowed === bare) ?? null;
}
