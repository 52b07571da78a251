// Toasts: short-lived notes in a polite live region. Errors carry the API's real message and code and stay until
// dismissed; successes fade after a few seconds.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** One toast. */
export interface Toast { id: number; kind: 'ok' | 'error' | 'info'; title: string; detail?: string }

type Push = (t: Omit<Toast, 'id'>) => void;

const ToastContext = createContext<Push>(() => {});

let nextId = 1;

/** Holds the toasts and renders them. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const push = useCallback<Push>((t) => {
    const id = nextId++;
    setToasts((ts) => [...ts.slice(-4), { ...t, id }]);
    if (t.kind !== 'error') setTimeout(() => dismiss(id), 4000);
  }, [dismiss]);
  const value = useMemo(() => push, [push]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : undefined}>
            <div className="toast-text">
              <strong>{t.title}</strong>
              {t.detail && <div className="toast-detail">{t.detail}</div>}
            </div>
            <button type="button" className="icon" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>×</button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Pushes a toast. */
export function useToast(): Push {
  return useContext(ToastContext);
}
