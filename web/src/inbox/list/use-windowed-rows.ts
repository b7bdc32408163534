import { useCallback, useEffect, useState } from 'react';

export interface WindowedRows {
  /** Give it to the scrolling element. */
  ref(element: HTMLElement | null): void;
  element: HTMLElement | null;
  start: number;
  end: number;
  totalHeight: number;
  onScroll(): void;
  scrollToIndex(index: number): void;
}

/**
 * Renders only the rows in view (plus a margin), so a list of 10,000 conversations costs the same
 * as a list of 20. Rows have a fixed height.
 */
export function useWindowedRows(count: number, rowHeight: number, overscan = 6): WindowedRows {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);

  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, [element]);

  const onScroll = useCallback(() => setScrollTop(element?.scrollTop ?? 0), [element]);

  const scrollToIndex = useCallback(
    (index: number) => {
      if (!element) return;
      const top = index * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + element.clientHeight)
        element.scrollTop = top + rowHeight - element.clientHeight;
    },
    [element, rowHeight],
  );

  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { ref: setElement, element, start, end, totalHeight: count * rowHeight, onScroll, scrollToIndex };
}
