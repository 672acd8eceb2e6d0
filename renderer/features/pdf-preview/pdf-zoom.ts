import { assertNever } from '../../../shared/errors/app-error';

/** 适合宽度, 适合页面, or a fixed zoom where 1 is the paper's actual size (1 pt = 1/72 in, shown at 96 CSS px per inch). */
export type PdfZoom = { mode: 'width' } | { mode: 'page' } | { mode: 'scale'; scale: number };

export const CSS_PX_PER_PT = 96 / 72;
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 3;
/** Room around the page inside the viewer (px). */
export const PAGE_GUTTER = 24;

/** CSS pixels per PDF point for a page of `size` points in an `area` of CSS pixels. */
export function cssScaleOf(zoom: PdfZoom, size: { width: number; height: number }, area: { width: number; height: number }): number {
  const byWidth = Math.max(area.width - 2 * PAGE_GUTTER, 80) / size.width;
  switch (zoom.mode) {
    case 'width':
      return byWidth;
    case 'page':
      return Math.min(byWidth, Math.max(area.height - 2 * PAGE_GUTTER, 80) / size.height);
    case 'scale':
      return zoom.scale * CSS_PX_PER_PT;
    default:
      return assertNever(zoom, 'zoom');
  }
}

/** The next zoom step above (+1) or below (-1) the zoom now shown. */
export function steppedZoom(shown: number, direction: 1 | -1): PdfZoom {
  const next = direction > 0 ? ZOOM_STEPS.find((s) => s > shown + 0.005) : [...ZOOM_STEPS].reverse().find((s) => s < shown - 0.005);
  return { mode: 'scale', scale: next ?? (direction > 0 ? MAX_ZOOM : MIN_ZOOM) };
}
