import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { saveText } from '../../files/save-file';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcAction } from '../../rpc/use-rpc';
import { detectedEncodingLabel } from './import-labels';
import { importOutcome } from './import-outcome';
import { ImportErrorTable } from './ImportErrorTable';
import type { ImportWizardState } from './use-import-wizard';

const COUNTS = [
  { key: 'inserted', title: '新增', color: '#237804' },
  { key: 'updated', title: '更新', color: '#1d4f91' },
  { key: 'unchanged', title: '未变', color: '#595959' },
  { key: 'rejected', title: '错误', color: '#cf1322' },
] as const;

/** ④ Counts, the refused rows and the error report (CSV) of a finished import. */
export function ImportResultStep({ wizard }: { wizard: ImportWizardState }) {
  const { message } = App.useApp();
  const report = useRpcAction('imports.errorReport');
  const job = wizard.job.data;
  if (!job) return null;
  const { result, failure, missing, cancelled } = importOutcome(job);

  const download = () =>
    report.mutate(
      { jobId: job.id },
      { onSuccess: ({ fileName, csv }) => saveText(csv, fileName), onError: (e) => void message.error(failureMessage(e)) },
    );

  return (
    <div data-testid="import-step-result" style={{ display: 'grid', gap: 12 }}>
      {cancelled ? <Alert type="warning" showIcon title={MESSAGES_ZH.JOB_CANCELLED} /> : null}
      {failure ? (
        <Alert
          type="error"
          showIcon
          data-testid="import-failure"
          title={MESSAGES_ZH[failure]}
          description={missing.length > 0 ? `缺少的列：${missing.join('、')}` : undefined}
        />
      ) : null}
      {!failure && !cancelled && result ? (
        <Alert
          type={result.rejected > 0 ? 'warning' : 'success'}
          showIcon
          title={result.rejected > 0 ? `导入完成，${result.rejected} 行有错误未导入。` : '导入完成，全部行已导入。'}
        />
      ) : null}
      {result ? (
        <>
          <Row gutter={12}>
            {COUNTS.map((c) => (
              <Col span={6} key={c.key}>
                <Card size="small" data-testid={`import-count-${c.key}`}>
                  <Statistic title={c.title} value={result[c.key]} styles={{ content: { color: c.color } }} />
                </Card>
              </Col>
            ))}
          </Row>
          {result.errors.length > 0 ? (
            <>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>错误明细{result.errors.length < result.rejected ? `（仅列出前 ${result.errors.length} 条，完整内容见错误报告）` : ''}</Typography.Text>
                <Button icon={<DownloadOutlined />} onClick={download} loading={report.isPending} data-testid="import-error-report">
                  下载错误报告（CSV）
                </Button>
              </Space>
              <ImportErrorTable errors={result.errors} />
            </>
          ) : null}
          <Typography.Text type="secondary">
            文件「{result.fileName}」，编码 {detectedEncodingLabel(result.encoding)}，用时 {(result.durationMs / 1000).toFixed(1)} 秒。
          </Typography.Text>
        </>
      ) : null}
    </div>
  );
}
