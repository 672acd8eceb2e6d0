import { Button, Modal, Space, Steps } from 'antd';
import { useEffect, useRef } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';
import { DIRECTORY_LABELS, type Directory } from './import-labels';
import { ImportFileStep } from './ImportFileStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportResultStep } from './ImportResultStep';
import { ImportRunStep } from './ImportRunStep';
import { useImportWizard, type WizardStep } from './use-import-wizard';

const STEPS: { key: WizardStep; title: string }[] = [
  { key: 'file', title: '选择文件' },
  { key: 'preview', title: '预览与核对' },
  { key: 'run', title: '导入' },
  { key: 'result', title: '结果' },
];

type Props = { directory: Directory; open: boolean; onClose(): void };

/**
 * One import wizard for every directory: ① file and options → ② preview and column mapping → ③ the job's
 * progress → ④ counts and errors. Keyboard: Tab reaches every control, the primary button of each step
 * takes the focus, Enter presses it, Esc closes (a running import carries on in the background).
 */
export function ImportWizard({ directory, open, onClose }: Props) {
  return (
    <Modal open={open} onCancel={onClose} title={`导入${DIRECTORY_LABELS[directory]}`} width={1000} footer={null} destroyOnHidden mask={{ closable: false }}>
      {open ? <WizardBody directory={directory} onClose={onClose} /> : null}
    </Modal>
  );
}

function WizardBody({ directory, onClose }: { directory: Directory; onClose(): void }) {
  const wizard = useImportWizard(directory);
  const { step, preview, file } = wizard;
  const previewReady = file !== null && preview.data !== undefined && !preview.isFetching;
  const blocked = (preview.data?.missing.length ?? 0) > 0;
  const primary = useRef<HTMLButtonElement>(null);
  const focused = useRef('');

  // Keyboard: once a step (or a newly picked file) is ready, its primary button takes the focus, so Enter goes on.
  const focusKey = step === 'file' ? (previewReady ? `file:${file?.id}` : '') : step === 'preview' ? (previewReady && !blocked ? 'preview' : '') : step;
  useEffect(() => {
    if (!focusKey || focused.current === focusKey) return;
    focused.current = focusKey;
    primary.current?.focus();
  }, [focusKey]);

  const footer = (() => {
    switch (step) {
      case 'file':
        return (
          <>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" disabled={!previewReady || preview.isError} onClick={() => wizard.goTo('preview')} ref={primary} key="next" data-testid="import-next">
              下一步
            </Button>
          </>
        );
      case 'preview':
        return (
          <>
            <Button onClick={() => wizard.goTo('file')}>上一步</Button>
            <Button type="primary" disabled={!previewReady || blocked} loading={wizard.start.isPending} onClick={wizard.run} ref={primary} key="start" data-testid="import-start">
              开始导入
            </Button>
          </>
        );
      case 'run':
        return (
          <Button onClick={onClose} ref={primary} key="background">
            在后台继续
          </Button>
        );
      case 'result':
        return (
          <>
            <Button onClick={wizard.reset} data-testid="import-again">
              再导入一个文件
            </Button>
            <Button type="primary" onClick={onClose} ref={primary} key="done" data-testid="import-done">
              完成
            </Button>
          </>
        );
    }
  })();

  return (
    <div data-testid="import-wizard">
      <Steps size="small" current={STEPS.findIndex((s) => s.key === step)} items={STEPS.map((s) => ({ title: s.title }))} style={{ marginBottom: 20 }} />
      <div style={{ minHeight: 320 }}>
        {step === 'file' ? <ImportFileStep directory={directory} wizard={wizard} /> : null}
        {step === 'preview' ? <ImportPreviewStep wizard={wizard} /> : null}
        {step === 'run' ? <ImportRunStep wizard={wizard} /> : null}
        {step === 'result' ? <ImportResultStep wizard={wizard} /> : null}
      </div>
      {wizard.start.error ? <div style={{ color: '#cf1322', marginTop: 8 }}>{failureMessage(wizard.start.error)}</div> : null}
      <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>{footer}</Space>
    </div>
  );
}
