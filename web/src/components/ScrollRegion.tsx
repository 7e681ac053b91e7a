/**
 * The box of a table wider than a phone's panel, which scrolls sideways inside the panel. It takes
 * the keyboard focus (Tab, then the arrow keys scroll it: WCAG 2.1.1, axe's
 * scrollable-region-focusable) and is a named region, so a screen reader says what it holds.
 */
import type { ReactNode } from 'react';

export interface ScrollRegionProps {
  /** What the region holds, said by a screen reader when the focus enters it (usually the table's title). */
  readonly label: string;
  readonly className?: string;
  readonly children: ReactNode;
}

export const ScrollRegion = ({ label, className = 'table-scroll', children }: ScrollRegionProps) => (
  <div className={className} role="region" aria-label={label} tabIndex={0}>
    {children}
  </div>
);
