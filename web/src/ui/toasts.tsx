import { Notification, Stack } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { Icon } from './icons.tsx';

interface Toast {
  id: number;
  message: string;
  color: 'red' | 'careline' | 'yellow';
}

type Notify = (message: string, color?: Toast['color']) => void;

const ToastContext = createContext<Notify | null>(null);
let nextId = 1;

/** Short messages in a corner for what happened in the background (an error saving, a change made). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const notify = useCallback<Notify>(
    (message, color = 'red') => {
      const id = nextId++;
      setToasts((all) => [...all.slice(-2), { id, message, color }]);
      window.setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <Stack
        gap="xs"
        style={{ position: 'fixed', right: 20, bottom: 20, zIndex: 400, width: 360 }}
        aria-live="polite"
      >
        {toasts.map((toast) => (
          <Notification
            key={toast.id}
            color={toast.color}
            icon={<Icon name={toast.color === 'red' ? 'alert' : 'check'} size={16} />}
            onClose={() => dismiss(toast.id)}
            withBorder
            role={toast.color === 'red' ? 'alert' : 'status'}
          >
            {toast.message}
          </Notification>
        ))}
      </Stack>
    </ToastContext.Provider>
  );
}

export function useNotify(): Notify {
  const notify = useContext(ToastContext);
  if (!notify) throw new Error('useNotify needs a ToastProvider');
  return notify;
}
