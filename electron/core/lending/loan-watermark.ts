import fontkit from '@pdf-lib/fontkit';
import { degrees, grayscale, PDFDocument } from 'pdf-lib';

/**
 * A lending watermark on every page: one line of text, diagonal (bottom-left to top-right of the visible
 * page), light grey and translucent, drawn with the app's CJK font embedded as a subset (as volume-pdf.ts
 * does). pdf-lib wraps the page's existing content in q … Q and appends the watermark after it, so the
 * content itself is unchanged; metadata is left as it was (same input → same bytes).
 */
export async function watermarkPdf(bytes: Uint8Array, text: string, fontBytes: Uint8Array): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  const pages = pdf.getPages();
  for (const page of pages) {
    const box = page.getCropBox();
    const rotation = ((page.getRotation().angle % 360) + 360) % 360;
    // The diagonal of the page as the reader sees it: a page shown turned by 90° swaps what is wide and high,
    // and a line drawn at α in the page's own space shows at α − rotation.
    const sideways = rotation === 90 || rotation === 270;
    const angle = (Math.atan2(sideways ? box.width : box.height, sideways ? box.height : box.width) * 180) / Math.PI + rotation;
    const diagonal = Math.hypot(box.width, box.height);
    const size = Math.max(8, Math.min(36, (diagonal * 0.7) / Math.max(1, font.widthOfTextAtSize(text, 1))));
    const width = font.widthOfTextAtSize(text, size);
    const rad = (angle * Math.PI) / 180;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Start so that the middle of the line (along it, and half the cap height across it) sits at the centre.
    const x = cx - (width / 2) * Math.cos(rad) + (size / 3) * Math.sin(rad);
    const y = cy - (width / 2) * Math.sin(rad) - (size / 3) * Math.cos(rad);
    page.drawText(text, { x, y, size, font, rotate: degrees(angle), color: grayscale(0.55), opacity: 0.35 });
  }
  return { bytes: await pdf.save({ useObjectStreams: false }), pages: pages.length };
}
