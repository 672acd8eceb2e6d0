import { findPageRect, scaleRect, type CropRect } from '../../../shared/domain/scans/page-crop';

export type CapturedPage = { blob: Blob; url: string; width: number; height: number; cropped: boolean };

const DETECT_SIZE = 200;

/** The page rectangle in a video frame (fractions of the frame), found on a copy at most 200 px wide. */
export function detectPage(video: HTMLVideoElement, scratch: HTMLCanvasElement): { rect: CropRect; scale: number } | null {
  const w = video.videoWidth;
  const h = video.videoHeight;
  if (!w || !h) return null;
  const scale = Math.max(w, h) / DETECT_SIZE;
  scratch.width = Math.max(1, Math.round(w / scale));
  scratch.height = Math.max(1, Math.round(h / scale));
  const ctx = scratch.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, 0, 0, scratch.width, scratch.height);
  const rect = findPageRect(ctx.getImageData(0, 0, scratch.width, scratch.height));
  return rect ? { rect, scale: w / scratch.width } : null;
}

/** One still from the camera: the whole frame, or only the page when auto-crop finds one; JPEG at quality 0.92. */
export async function captureFrame(video: HTMLVideoElement, autoCrop: boolean): Promise<CapturedPage> {
  const w = video.videoWidth;
  const h = video.videoHeight;
  if (!w || !h) throw new Error('no frame');
  const found = autoCrop ? detectPage(video, document.createElement('canvas')) : null;
  const crop = found ? scaleRect(found.rect, found.scale, { width: w, height: h }) : { x: 0, y: 0, width: w, height: h };
  const canvas = document.createElement('canvas');
  canvas.width = crop.width;
  canvas.height = crop.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(video, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', 0.92));
  return { blob, url: URL.createObjectURL(blob), width: crop.width, height: crop.height, cropped: found !== null };
}
