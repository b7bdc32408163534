import { useEffect, useState } from 'react';

/**
 * What a dialog shows: the current value, or while it fades out after the value went back to null,
 * the last one it had, so its title and text do not go blank on the way out.
 */
export function useWhileClosing<T>(value: T | null): T | null {
  const [last, setLast] = useState(value);
  useEffect(() => {
    if (value !== null) setLast(value);
  }, [value]);
  return value ?? last;
}
