import { useEffect, useState, type RefObject } from 'react';

/**
 * Opens a native <dialog> as a modal when it mounts, and gives the focus back to the element
 * that had it (the button, tree or field that opened the dialog) when it unmounts: a dialog
 * removed while open leaves the focus on <body>, where no shortcut knows which area it is in.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>): void {
  // Read while rendering: before the dialog opens and moves the focus inside.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      const now = document.activeElement;
      const lost = !now || now === document.body || !!dialog?.contains(now);
      // Whoever moved the focus on purpose after closing (e.g. into a just-opened key) keeps it.
      if (lost && opener?.isConnected) opener.focus();
    };
  }, [ref, opener]);
}
