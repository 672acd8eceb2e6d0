import fontUrl from '../../resources/fonts/wqy-microhei.ttf?url';

export const FONT_NAME = 'WenQuanYi Micro Hei';
/** The bundled face first, so the UI never depends on a system CJK font. */
export const FONT_FAMILY = `'${FONT_NAME}', sans-serif`;

/** Registers the bundled WenQuanYi Micro Hei (resources/fonts) as a web font. No network involved. */
export function installBundledFont(doc: Document): void {
  const style = doc.createElement('style');
  style.dataset.font = 'wqy-microhei';
  style.textContent = `@font-face { font-family: '${FONT_NAME}'; src: url('${fontUrl}') format('truetype'); font-weight: 100 900; font-display: block; }`;
  doc.head.appendChild(style);
}
