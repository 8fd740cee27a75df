/** A popover that is open: close it from outside (e.g. when its editor goes away). */
export interface OpenPopover {
  element: HTMLElement;
  close(): void;
}

let current: OpenPopover | null = null;

/**
 * Shows `content` in a small floating box under `anchor` (one popover at a time); it closes on Escape, on a press
 * outside it, or through the returned handle. `onClose` runs once, however it closed.
 */
export function openPopover(anchor: DOMRect, content: HTMLElement, onClose?: () => void): OpenPopover {
  current?.close();
  const element = document.createElement('div');
  element.className = 'cw-popover';
  element.style.position = 'fixed';
  element.style.left = `${Math.max(4, anchor.left)}px`;
  element.style.top = `${anchor.bottom + 4}px`;
  element.style.zIndex = '1000';
  element.append(content);

  const onPointer = (event: Event) => {
    if (!element.contains(event.target as Node)) handle.close();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') handle.close();
  };
  let closed = false;
  const handle: OpenPopover = {
    element,
    close() {
      if (closed) return;
      closed = true;
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('keydown', onKey, true);
      element.remove();
      if (current === handle) current = null;
      onClose?.();
    },
  };
  document.addEventListener('pointerdown', onPointer, true);
  document.addEventListener('keydown', onKey, true);
  document.body.append(element);
  current = handle;
  return handle;
}
