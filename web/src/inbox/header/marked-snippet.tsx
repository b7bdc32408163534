import { Text } from '@mantine/core';
import classes from './search-box.module.css';

/** The server marks matched words ⟦so⟧, stemming included ("fièvres" for "fièvre"): shown as <mark>. */
export function MarkedSnippet({ snippet }: { snippet: string }) {
  return (
    <Text size="sm" c="dimmed" lineClamp={2}>
      {snippetParts(snippet).map((part) =>
        part.marked ? (
          <mark key={part.at} className={classes.match}>
            {part.text}
          </mark>
        ) : (
          <span key={part.at}>{part.text}</span>
        ),
      )}
    </Text>
  );
}

export function snippetParts(snippet: string): Array<{ at: number; text: string; marked: boolean }> {
  const parts: Array<{ at: number; text: string; marked: boolean }> = [];
  const pattern = /⟦([^⟧]*)⟧/g;
  let at = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > at) parts.push({ at, text: snippet.slice(at, match.index), marked: false });
    parts.push({ at: match.index, text: match[1] ?? '', marked: true });
    at = match.index + match[0].length;
  }
  if (at < snippet.length) parts.push({ at, text: snippet.slice(at), marked: false });
  return parts;
}
