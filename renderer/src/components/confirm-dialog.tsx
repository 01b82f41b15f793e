// A question before an action that cannot be taken back with one click (unlink a document, remove
// an evidence folder, close the workspace). The native <dialog> is modal: focus stays inside, Esc
// answers "no", and it works the same in Electron's sandbox and in Chromium.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

export interface ConfirmRequest {
  question: string;
  /** What the action does to the user's data (and what it leaves alone). */
  detail?: string;
  confirmLabel: string;
}

interface Pending extends ConfirmRequest {
  resolve: (yes: boolean) => void;
}

/** `ask(request, action)` runs the action only when the user confirms; render `dialog` once in the component. */
export function useConfirm(): { ask: (req: ConfirmRequest, action: () => unknown) => void; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = useCallback((req: ConfirmRequest, action: () => unknown) => {
    void new Promise<boolean>((resolve) => setPending({ ...req, resolve })).then((yes) => {
      if (yes) action();
    });
  }, []);
  const answer = (yes: boolean): void => {
    pending?.resolve(yes);
    setPending(null);
  };
  return { ask, dialog: pending ? <ConfirmDialog request={pending} onAnswer={answer} /> : null };
}

function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest; onAnswer: (yes: boolean) => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onAnswer(false);
      }}
    >
      <p className="question">{request.question}</p>
      {request.detail && <p className="muted">{request.detail}</p>}
      <div className="row actions">
        {/* The safe answer has the focus: Enter on an unread dialog changes nothing. */}
        <button autoFocus onClick={() => onAnswer(false)} data-testid="confirm-no">
          {t('common.cancel')}
        </button>
        <button className="bad" onClick={() => onAnswer(true)} data-testid="confirm-yes">
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
