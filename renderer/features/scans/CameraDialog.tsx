import { CameraOutlined, DeleteOutlined, LoadingOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Empty, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { useRpcClient } from '../../rpc/rpc-context';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { captureFrame, detectPage, type CapturedPage } from './capture-frame';
import { testId } from './scan-labels';
import { useCamera } from './use-camera';

type Props = { open: boolean; onClose(): void; onStarted(batchId: number): void; volumeId: number | null; docType: VolumeDocType | undefined };
type Frame = { left: number; top: number; width: number; height: number };

/** The live page outline over the preview (fractions of the frame), refreshed twice a second. */
function usePageOutline(video: HTMLVideoElement | null, live: boolean, enabled: boolean): Frame | null {
  const [frame, setFrame] = useState<Frame | null>(null);
  useEffect(() => {
    if (!video || !live || !enabled) {
      setFrame(null);
      return;
    }
    const scratch = document.createElement('canvas');
    const timer = setInterval(() => {
      const found = detectPage(video, scratch);
      setFrame(found ? { left: found.rect.x / scratch.width, top: found.rect.y / scratch.height, width: found.rect.width / scratch.width, height: found.rect.height / scratch.height } : null);
    }, 500);
    return () => clearInterval(timer);
  }, [video, live, enabled]);
  return frame;
}

/** 高拍仪: live preview, capture (Space) with auto-crop, the captured pages, then one batch with source 'camera'. */
export function CameraDialog({ open, onClose, onStarted, volumeId, docType }: Props) {
  const { message } = App.useApp();
  const client = useRpcClient();
  const create = useRpcMutation('scans.createBatch');
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const camera = useCamera(open, deviceId);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [autoCrop, setAutoCrop] = useState(true);
  const [pages, setPages] = useState<CapturedPage[]>([]);
  const [sending, setSending] = useState(false);
  const live = camera.state.status === 'live';
  const outline = usePageOutline(video, live, autoCrop);
  const pagesRef = useRef(pages);
  pagesRef.current = pages;

  useEffect(() => {
    if (video && camera.state.status === 'live') {
      video.srcObject = camera.state.stream;
      void video.play().catch(() => undefined);
    }
  }, [video, camera.state]);

  // Release the captured images when the dialog goes away.
  useEffect(() => () => pagesRef.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  const capture = async () => {
    if (!video || !live) return;
    try {
      const page = await captureFrame(video, autoCrop);
      setPages((list) => [...list, page]);
    } catch {
      void message.error('拍摄失败：摄像头还没有画面，请稍候再试');
    }
  };

  const remove = (index: number) =>
    setPages((list) => {
      const gone = list[index];
      if (gone) URL.revokeObjectURL(gone.url);
      return list.filter((_, i) => i !== index);
    });

  const close = () => {
    pages.forEach((p) => URL.revokeObjectURL(p.url));
    setPages([]);
    onClose();
  };

  const send = async () => {
    setSending(true);
    try {
      const stagedIds: string[] = [];
      for (const [i, p] of pages.entries()) {
        const file = new File([p.blob], `高拍仪-${String(i + 1).padStart(3, '0')}.jpg`, { type: 'image/jpeg' });
        stagedIds.push((await client.stageFile(file)).id);
      }
      const { batchId } = await create.mutateAsync({ stagedIds, source: 'camera', ...(volumeId ? { volumeId } : {}), ...(docType ? { docType } : {}) });
      void message.success(`已导入 ${pages.length} 页，正在识别`);
      close();
      onStarted(batchId);
    } catch (error) {
      void message.error(failureMessage(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open={open}
      title="高拍仪拍摄"
      width={1000}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
      okText={pages.length > 0 ? `导入 ${pages.length} 页` : '导入'}
      cancelText="取消"
      onOk={() => void send()}
      confirmLoading={sending}
      okButtonProps={{ disabled: pages.length === 0, ...testId('camera-send') }}
    >
      <div
        style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 220px', gap: 16 }}
        onKeyDown={(e) => {
          if (e.key === ' ' && !(e.target instanceof HTMLInputElement)) {
            e.preventDefault();
            void capture();
          }
        }}
        data-testid="camera-dialog"
      >
        <div style={{ display: 'grid', gap: 8, alignContent: 'start' }}>
          <div style={{ position: 'relative', background: '#1f1f1f', aspectRatio: '4 / 3', display: 'flex', alignItems: 'center', justifyContent: 'center', borderRadius: 2, overflow: 'hidden' }}>
            {camera.state.status === 'unavailable' ? (
              <Alert
                type="warning"
                showIcon
                title="无法使用高拍仪"
                description={camera.state.message}
                action={
                  <Button size="small" icon={<ReloadOutlined />} onClick={camera.retry}>
                    重试
                  </Button>
                }
                style={{ margin: 24 }}
                data-testid="camera-unavailable"
              />
            ) : null}
            {camera.state.status === 'starting' ? (
              <span style={{ color: 'rgba(255,255,255,0.85)' }}>
                <LoadingOutlined /> 正在打开摄像头…
              </span>
            ) : null}
            <video ref={setVideo} muted playsInline style={{ width: '100%', height: '100%', objectFit: 'contain', display: live ? 'block' : 'none' }} />
            {outline && live ? (
              <div style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}>
                <PreviewOutline video={video} outline={outline} />
              </div>
            ) : null}
          </div>
          <Space wrap>
            <Button type="primary" icon={<CameraOutlined />} disabled={!live} onClick={() => void capture()} data-testid="camera-capture">
              拍摄（空格）
            </Button>
            <Checkbox checked={autoCrop} onChange={(e) => setAutoCrop(e.target.checked)}>
              自动裁边
            </Checkbox>
            {camera.devices.length > 1 ? (
              <Select
                value={deviceId ?? camera.devices[0]?.deviceId}
                onChange={setDeviceId}
                style={{ width: 240 }}
                options={camera.devices.map((d, i) => ({ value: d.deviceId, label: d.label || `摄像头 ${i + 1}` }))}
                aria-label="摄像头"
              />
            ) : null}
          </Space>
          <Typography.Text type="secondary">把文件平放在深色台面上；绿色框为自动识别的纸张范围。拍完一页换下一页再按空格。</Typography.Text>
        </div>
        <div style={{ display: 'grid', gap: 8, alignContent: 'start', maxHeight: 520, overflow: 'auto' }} data-testid="camera-pages">
          <Typography.Text strong>已拍摄 {pages.length} 页</Typography.Text>
          {pages.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有拍摄" /> : null}
          {pages.map((p, i) => (
            <div key={p.url} style={{ position: 'relative', border: '1px solid #d9d9d9', background: '#fafafa' }}>
              <img src={p.url} alt={`第 ${i + 1} 页`} style={{ width: '100%', display: 'block' }} />
              <span className="cb-scan-thumb-label">第 {i + 1} 页{p.cropped ? ' · 已裁边' : ''}</span>
              <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(i)} style={{ position: 'absolute', top: 4, right: 4 }} aria-label={`删除第 ${i + 1} 页`} />
            </div>
          ))}
        </div>
      </div>
    </Modal>
  );
}

/** The outline drawn where the video actually shows inside its letterboxed box (object-fit: contain). */
function PreviewOutline({ video, outline }: { video: HTMLVideoElement | null; outline: Frame }) {
  if (!video || !video.videoWidth) return null;
  const boxW = video.clientWidth;
  const boxH = video.clientHeight;
  const scale = Math.min(boxW / video.videoWidth, boxH / video.videoHeight);
  const w = video.videoWidth * scale;
  const h = video.videoHeight * scale;
  const left = (boxW - w) / 2 + outline.left * w;
  const top = (boxH - h) / 2 + outline.top * h;
  return <div style={{ position: 'absolute', left, top, width: outline.width * w, height: outline.height * h, border: '2px solid #52c41a', boxShadow: '0 0 0 9999px rgba(0,0,0,0.25)' }} />;
}
