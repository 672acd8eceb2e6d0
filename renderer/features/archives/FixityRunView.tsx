import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { FixityFailureDto } from '../../../shared/contract/archives';
import { FIXITY_CODE_LABELS, FIXITY_PROPERTIES, FIXITY_PROPERTY_LABELS } from '../../../shared/domain/archives/archives';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { hrefOf } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useOpenExportedPdf } from '../../files/use-open-exported-pdf';
import { useRpc, useRpcAction } from '../../rpc/use-rpc';
import { dateTimeText } from '../inspections/inspection-labels';
import { JobProgress } from '../jobs/JobProgress';
import { useFixityRun } from './use-fixity-run';

/** Failures by volume (null: the installation, e.g. the audit chain), then by property in DA/T 70 order. */
function groupFailures(failures: readonly FixityFailureDto[]) {
  const byVolume = new Map<number | null, FixityFailureDto[]>();
  for (const f of failures) byVolume.set(f.volumeId, [...(byVolume.get(f.volumeId) ?? []), f]);
  return [...byVolume.entries()].map(([volumeId, list]) => ({
    volumeId,
    count: list.length,
    properties: FIXITY_PROPERTIES.map((p) => ({ property: p, failures: list.filter((f) => f.property === p) })).filter((g) => g.failures.length > 0),
  }));
}

/** A run of 四性检测: progress while it runs, then passed / failed with the failing items grouped. */
export function FixityRunView({ runId, jobId }: { runId: number; jobId: number | null }) {
  const { run, job } = useFixityRun(runId, jobId);
  const r = run.data;
  const names = useRpc('volumes.list', { pageSize: 500 }, { enabled: (r?.failures.length ?? 0) > 0, staleTime: 60_000 });
  const titleOf = useMemo(() => new Map((names.data?.items ?? []).map((v) => [v.id, v.title])), [names.data]);
  const groups = useMemo(() => groupFailures(r?.failures ?? []), [r?.failures]);
  const report = useOpenExportedPdf(useRpcAction('archives.fixityReport'));

  if (run.error) return <Alert type="error" showIcon title={failureMessage(run.error)} />;
  if (!r) return <Skeleton active />;
  const running = r.state === 'running';
  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="fixity-run" data-state={r.state} data-ok={String(r.ok)}>
      <Descriptions size="small" column={4}>
        <Descriptions.Item label="范围">{r.volumeId === null ? '全部已装订专卷' : <a href={hrefOf(`/volumes/${r.volumeId}`)}>{titleOf.get(r.volumeId) ?? `专卷 #${r.volumeId}`}</a>}</Descriptions.Item>
        <Descriptions.Item label="检测专卷">
          <span data-testid="fixity-checked">{r.checked}</span>
        </Descriptions.Item>
        <Descriptions.Item label="页数">{r.pages}</Descriptions.Item>
        <Descriptions.Item label="时间">
          {dateTimeText(r.startedAt)}
          {r.finishedAt ? ` — ${dateTimeText(r.finishedAt)}` : ''}
        </Descriptions.Item>
      </Descriptions>
      {running && job.data ? <JobProgress job={job.data} /> : null}
      {running ? <Typography.Text type="secondary">正在检测…</Typography.Text> : null}
      {job.data?.state === 'failed' ? <Alert type="error" showIcon title={MESSAGES_ZH[job.data.errorCode ?? 'INTERNAL']} /> : null}
      {!running ? (
        <div>
          <Button size="small" icon={<FilePdfOutlined />} loading={report.busy} onClick={() => void report.open({ id: r.id })} data-testid="fixity-report">
            四性检测报告（PDF）
          </Button>
        </div>
      ) : null}
      {!running && r.ok ? <Alert type="success" showIcon title={`四性检测通过：${r.checked} 卷、${r.pages} 页，真实性、完整性、可用性、安全性均未发现问题`} data-testid="fixity-passed" /> : null}
      {!running && r.ok === false ? (
        <>
          <Alert type="error" showIcon title={`四性检测未通过：${r.failures.length} 项问题，涉及 ${groups.length} 个对象`} data-testid="fixity-failed" />
          <Collapse
            size="small"
            defaultActiveKey={groups.map((g) => String(g.volumeId))}
            data-testid="fixity-failures"
            items={groups.map((g) => ({
              key: String(g.volumeId),
              label: (
                <span>
                  {g.volumeId === null ? '系统（审计日志等）' : (titleOf.get(g.volumeId) ?? `专卷 #${g.volumeId}`)} <Tag color="error">{g.count} 项</Tag>
                </span>
              ),
              children: g.properties.map((p) => (
                <div key={p.property} style={{ marginBottom: 8 }} data-testid={`fixity-property-${p.property}`}>
                  <Tag color="volcano">{FIXITY_PROPERTY_LABELS[p.property]}</Tag>
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                    {p.failures.map((f, i) => (
                      <li key={i}>
                        <Typography.Text>{FIXITY_CODE_LABELS[f.code]}</Typography.Text>
                        <Typography.Text type="secondary" className="cb-code" style={{ marginInlineStart: 8 }}>
                          {f.item}
                        </Typography.Text>
                        {f.detail ? <div style={{ fontSize: 12, color: '#8c8c8c' }}>{f.detail}</div> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              )),
            }))}
          />
        </>
      ) : null}
    </div>
  );
}
