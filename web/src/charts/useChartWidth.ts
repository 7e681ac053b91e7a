/**
 * The width in CSS px a chart's container gives it, so the SVG is drawn at its real size (width and
 * viewBox equal) and its text keeps the fixed px sizes of styles.css at every screen width. Scaling
 * one fixed viewBox to the container made chart text about twice the table text at 1920 px.
 * `fallback` is used until the container is measured (and where ResizeObserver does not exist).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** Below this the chart keeps `fallback`: a container not laid out yet (hidden, or 0 wide). */
const MIN_WIDTH = 120;

export const useChartWidth = <E extends Element>(fallback: number): { readonly ref: (node: E | null) => void; readonly width: number } => {
  const [width, setWidth] = useState(fallback);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((node: E | null) => {
    observer.current?.disconnect();
    observer.current = undefined;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const measure = (w: number) => {
      if (w >= MIN_WIDTH) setWidth(Math.floor(w));
    };
    measure(node.getBoundingClientRect().width);
    observer.current = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) measure(entry.contentRect.width);
    });
    observer.current.observe(node);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return { ref, width };
};
