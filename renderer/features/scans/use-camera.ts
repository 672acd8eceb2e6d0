import { useEffect, useRef, useState } from 'react';

export type CameraState =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'live'; stream: MediaStream }
  | { status: 'unavailable'; message: string };

/** Why a camera could not be opened, in words a clerk can act on. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return '未检测到高拍仪或摄像头。请连接高拍仪（USB）后点击“重试”，或改用“选择文件”导入扫描件。';
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return '没有使用摄像头的权限。请在系统或浏览器设置中允许本程序使用摄像头后重试。';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return '摄像头正被其他程序占用或无法启动。请关闭其他使用摄像头的程序后重试。';
    default:
      return '无法打开摄像头。请检查高拍仪连接后重试，或改用“选择文件”导入扫描件。';
  }
}

/**
 * A video stream from the chosen camera while `active`; stopped (the camera light goes off) when the
 * dialog closes or another camera is chosen. Lists the video inputs once permission is granted.
 */
export function useCamera(active: boolean, deviceId: string | null) {
  const [state, setState] = useState<CameraState>({ status: 'idle' });
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [attempt, setAttempt] = useState(0);
  const streamRef = useRef<MediaStream | null>(null);

  useEffect(() => {
    if (!active) return;
    const media = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
    if (!media?.getUserMedia) {
      setState({ status: 'unavailable', message: '当前环境不支持摄像头（需要在本机的桌面程序或本机浏览器中使用）。请改用“选择文件”导入扫描件。' });
      return;
    }
    let cancelled = false;
    setState({ status: 'starting' });
    const video: MediaTrackConstraints = { width: { ideal: 2592 }, height: { ideal: 1944 }, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
    media
      .getUserMedia({ video, audio: false })
      .then(async (stream) => {
        if (cancelled) {
          stream.getTracks().forEach((t) => t.stop());
          return;
        }
        streamRef.current = stream;
        setState({ status: 'live', stream });
        const all = await media.enumerateDevices().catch(() => []);
        if (!cancelled) setDevices(all.filter((d) => d.kind === 'videoinput'));
      })
      .catch((error: unknown) => !cancelled && setState({ status: 'unavailable', message: cameraProblem(error) }));
    return () => {
      cancelled = true;
      streamRef.current?.getTracks().forEach((t) => t.stop());
      streamRef.current = null;
      setState({ status: 'idle' });
    };
  }, [active, deviceId, attempt]);

  return { state, devices, retry: () => setAttempt((n) => n + 1) };
}
