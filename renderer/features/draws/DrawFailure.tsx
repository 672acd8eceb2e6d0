import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import type { DrawDto } from '../../../shared/contract/draws';
import { MATCH_REASONS, type MatchReason } from '../../../shared/domain/draws/draw-types';
import { isErrorCode } from '../../../shared/errors/codes';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { dateTimeText } from '../plans/plan-labels';
import { MATCH_REASON_LABELS } from './draw-labels';
import { HashText } from './HashText';

type Infeasible = { targetId: number; seq: number; code?: string; name?: string; excluded: Partial<Record<MatchReason, number>>; eligible: number; needed: number };

function infeasibleOf(details: Record<string, unknown> | null): { count: number; targets: Infeasible[] } | null {
  const targets = details?.targets;
  if (!Array.isArray(targets)) return null;
  return { count: typeof details?.count === 'number' ? details.count : targets.length, targets: targets as Infeasible[] };
}

/** A draw that did not take effect: the Chinese reason and, for MATCH_INFEASIBLE, the targets that could not be staffed. */
export function DrawFailure({ draw, jobDetails }: { draw: DrawDto; jobDetails?: Record<string, unknown> | null }) {
  const code = draw.errorCode ?? 'INTERNAL';
  const details = draw.errorDetails ?? jobDetails ?? null;
  const infeasible = code === 'MATCH_INFEASIBLE' ? infeasibleOf(details) : null;

  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="draw-failure">
      <Alert type="error" showIcon title={`摇号未完成（${dateTimeText(draw.drawnAt)}）`} description={isErrorCode(code) ? MESSAGES_ZH[code] : code} data-testid="draw-failure-message" />
      {infeasible ? (
        <>
          <Typography.Text>
            共 <Typography.Text strong>{infeasible.count}</Typography.Text> 个检查对象无法匹配足够的执法检查人员
            {infeasible.count > infeasible.targets.length ? `（下表列出前 ${infeasible.targets.length} 个）` : ''}。各列为被相应规则排除的人员数：
          </Typography.Text>
          <Table<Infeasible>
            data-testid="draw-infeasible"
            rowKey="targetId"
            size="small"
            dataSource={infeasible.targets}
            pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 70 },
              { title: '统一社会信用代码', dataIndex: 'code', width: 190, render: (c?: string) => <span className="cb-code">{c || '—'}</span> },
              { title: '名称', dataIndex: 'name', ellipsis: true, render: (n?: string) => n || '—' },
              { title: '可用 / 所需', key: 'need', width: 100, render: (_: unknown, t) => `${t.eligible} / ${t.needed}` },
              {
                title: '排除原因',
                key: 'excluded',
                render: (_: unknown, t) => {
                  const reasons = MATCH_REASONS.filter((r) => (t.excluded[r] ?? 0) > 0);
                  return reasons.length === 0 ? (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ) : (
                    reasons.map((r) => (
                      <Tag key={r} color={r === 'recused' || r === 'absent' ? 'orange' : 'default'}>
                        {MATCH_REASON_LABELS[r]} {t.excluded[r]}
                      </Tag>
                    ))
                  );
                },
              },
            ]}
          />
          <Typography.Text type="secondary">可调整人员名录（在岗状态、执法证有效期、回避、不在岗期间）或任务的人员匹配设置后，重新生成种子承诺再摇号。</Typography.Text>
        </>
      ) : null}
      {draw.seedHex ? (
        <Descriptions size="small" column={1} items={[{ key: 'seed', label: '已公开的种子', children: <HashText value={draw.seedHex} /> }]} />
      ) : null}
    </div>
  );
}
