import { Alert, Modal, Spin, Typography } from 'antd';
import { failureMessage, HostFailure, RpcFailure } from '../../rpc/rpc-failure';
import type { PdfSource } from './pdf-source';
import { PdfViewer } from './PdfViewer';
import { usePdfDocument } from './use-pdf-document';

function problemText(error: unknown): string {
  if (error instanceof RpcFailure || error instanceof HostFailure) return failureMessage(error);
  return '文件无法作为 PDF 显示，可用“打开”在其他阅读器中查看。';
}

/** 预览: a PDF (bound version, public copy, one document of a volume …) shown inside the app by pdf.js — pages, zoom and 书签. */
export function PdfPreviewModal({ source, title, onClose, initialPage }: { source: PdfSource | null; title: React.ReactNode; onClose(): void; initialPage?: number }) {
  const state = usePdfDocument(source);
  return (
    <Modal
      open={source !== null}
      title={title}
      footer={null}
      onCancel={onClose}
      width="min(1280px, calc(100vw - 48px))"
      centered
      destroyOnHidden
      styles={{ body: { height: 'calc(100vh - 140px)', padding: 0, overflow: 'hidden' }, container: { paddingInline: 0, paddingBottom: 0 }, header: { paddingInline: 24 } }}
    >
      <div style={{ height: '100%' }} data-testid="pdf-preview">
        {state.status === 'loading' ? (
          <div style={{ display: 'grid', placeContent: 'center', justifyItems: 'center', gap: 12, height: '100%' }}>
            <Spin size="large" />
            <Typography.Text type="secondary">正在读取 PDF…</Typography.Text>
          </div>
        ) : state.status === 'failed' ? (
          <div style={{ padding: 24 }}>
            <Alert type="error" showIcon title={problemText(state.error)} data-testid="pdf-problem" />
          </div>
        ) : (
          <PdfViewer doc={state.doc} initialPage={initialPage} />
        )}
      </div>
    </Modal>
  );
}
