import { Alert, Typography } from 'antd';
import type { AuditVerifyReport } from '../../../shared/contract/jobs';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { PROBLEM_KIND_LABELS } from './audit-labels';

export function AuditReportView({ report }: { report: AuditVerifyReport }) {
  if (report.ok) {
    return <Alert type="success" showIcon title={`审计链完整：共校验 ${report.events} 条记录，未发现问题。`} data-testid="audit-verify-result" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      title={`${MESSAGES_ZH.AUDIT_CHAIN_BROKEN}共校验 ${report.events} 条记录，发现 ${report.problems.length} 处问题：`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {report.problems.map((p, i) => (
            <li key={i}>
              {PROBLEM_KIND_LABELS[p.kind]}
              {p.seq !== null ? `（第 ${p.seq} 条）` : ''}
              {p.entity ? `（${p.entity}）` : ''}：<Typography.Text code>{p.detail}</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}
