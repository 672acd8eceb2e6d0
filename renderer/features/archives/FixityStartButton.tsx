import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Modal } from 'antd';
import { useState } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { FixityRunView } from './FixityRunView';

/** Starts 四性检测 of one volume (or all) and follows it in a dialog; `onStarted` hands the run to a list instead. */
export function FixityStartButton({ volumeId, label, onStarted }: { volumeId?: number; label: string; onStarted?(run: { runId: number; jobId: number }): void }) {
  const { message } = App.useApp();
  const start = useRpcMutation('archives.verify');
  const [run, setRun] = useState<{ runId: number; jobId: number } | null>(null);
  const go = async () => {
    try {
      const started = await start.mutateAsync(volumeId === undefined ? {} : { volumeId });
      if (onStarted) onStarted(started);
      else setRun(started);
    } catch (error) {
      void message.error(failureMessage(error));
    }
  };
  return (
    <>
      <Button size={onStarted ? 'middle' : 'small'} type={onStarted ? 'primary' : 'default'} icon={<SafetyCertificateOutlined />} loading={start.isPending} onClick={() => void go()} data-testid={volumeId === undefined ? 'fixity-start-all' : 'fixity-start-volume'}>
        {label}
      </Button>
      <Modal open={run !== null} title="四性检测" footer={null} onCancel={() => setRun(null)} width={720} destroyOnHidden>
        {run ? <FixityRunView runId={run.runId} jobId={run.jobId} /> : null}
      </Modal>
    </>
  );
}
