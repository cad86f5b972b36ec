import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** What it resizes, for its accessible name ("Resize the key tree"). */
  label: string;
  /** The first pane's share of the container, in percent. */
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
}

const STEP = 2;

/**
 * A vertical pane divider (WAI-ARIA window splitter): drag it, or focus it and use ← / → (Shift
 * for bigger steps), Home / End. The first pane's width is a percentage of the parent element.
 */
export function Splitter({ label, value, min, max, onChange }: SplitterProps) {
  const dragging = useRef(false);
  const clamp = (v: number) => Math.round(Math.max(min, Math.min(max, v)) * 10) / 10;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    dragging.current = true;
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const box = e.currentTarget.parentElement?.getBoundingClientRect();
    if (box && box.width > 0) onChange(clamp(((e.clientX - box.left) / box.width) * 100));
  };
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? STEP * 5 : STEP;
    const next =
      e.key === 'ArrowLeft'
        ? value - step
        : e.key === 'ArrowRight'
          ? value + step
          : e.key === 'Home'
            ? min
            : e.key === 'End'
              ? max
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    onChange(clamp(next));
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
