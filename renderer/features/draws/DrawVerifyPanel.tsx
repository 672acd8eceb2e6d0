import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import type { DrawVerifyDto } from '../../../shared/contract/draws';
import { VERIFY_CHECK_HINTS, VERIFY_CHECK_LABELS } from './draw-labels';

const seconds = (s: number) => (s < 0.01 ? '不到 0.01' : s.toFixed(2));

/** draws.verify's answer: overall, then each check ✓/✗ with what it compares (expected/actual when it failed). */
export function DrawVerifyPanel({ result }: { result: DrawVerifyDto }) {
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      data-testid="draw-verify-result"
      title={
        result.ok
          ? `校验全部通过：按摇号记录与检查对象库清单复算，结果一致（用时 ${seconds(result.seconds)} 秒）`
          : `校验未通过：复算结果与记录不一致，请联系管理员核查（用时 ${seconds(result.seconds)} 秒）`
      }
      description={
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: '4px 16px', marginTop: 4 }}>
          {result.checks.map((c) => (
            <div key={c.check} data-testid={`verify-check-${c.check}`} style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
              {c.ok ? <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="通过" /> : <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label="未通过" />}
              <span>
                <Typography.Text strong>{VERIFY_CHECK_LABELS[c.check] ?? c.check}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                  {c.ok ? VERIFY_CHECK_HINTS[c.check] : `记录：${c.expected ?? '—'}；复算：${c.actual ?? '—'}`}
                </Typography.Text>
              </span>
            </div>
          ))}
        </div>
      }
    />
  );
}
