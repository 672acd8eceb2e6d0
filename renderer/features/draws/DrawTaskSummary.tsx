import { Card, Col, Descriptions, Row, Table, Tag, Typography } from 'antd';
import type { PlanDto, TaskDto } from '../../../shared/contract/plans';
import type { StratumKey } from '../../../shared/domain/draws/draw-types';
import { DRAW_PURPOSE_LABELS } from '../../../shared/domain/draws/draw-record';
import { bpText, PLAN_STATUS_LABELS, stratumLabel } from '../../../shared/domain/plans/plans';
import { hrefOf } from '../../router/navigation';
import { useRpc } from '../../rpc/use-rpc';
import { useBureaus } from '../bureaus/use-bureaus';
import { directedText, PLAN_STATUS_COLORS, versionText, windowText } from '../plans/plan-labels';
import { PopulationSummary } from '../plans/PopulationSummary';

/** What is drawn: the task's plan, items, window and matching, and — while still open — the population now. */
export function DrawTaskSummary({ task, plan }: { task: TaskDto; plan: PlanDto | undefined }) {
  const bureaus = useBureaus();
  const open = task.status === 'open';
  const preview = useRpc('tasks.previewPopulation', { id: task.id }, { enabled: open, staleTime: 0 });
  const overrides = Object.keys(task.ratios.overrides).length;
  const strata = (preview.data?.strata ?? []).filter((s) => s.size > 0);

  return (
    <Row gutter={16}>
      <Col xs={24} xl={open ? 14 : 24}>
        <Card title="抽查任务" size="small" style={{ height: '100%' }}>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            styles={{ label: { whiteSpace: 'nowrap', width: 100 } }}
            data-testid="draw-task-summary"
            items={[
              {
                key: 'plan',
                label: '年度计划',
                span: 'filled',
                children: plan ? (
                  <span>
                    <a href={hrefOf(`/plans/${plan.id}`)}>{plan.title}</a>
                    <Tag color={PLAN_STATUS_COLORS[plan.status]} style={{ marginInlineStart: 8 }}>
                      {PLAN_STATUS_LABELS[plan.status]} {versionText(plan.planVersion)}
                    </Tag>
                  </span>
                ) : (
                  '—'
                ),
              },
              { key: 'task', label: '任务', span: 'filled', children: <Typography.Text strong>{`第 ${task.batchNo} 批 · ${task.name}`}</Typography.Text> },
              { key: 'purpose', label: '抽查目的', children: DRAW_PURPOSE_LABELS[task.purpose] },
              { key: 'directed', label: '抽查方式', children: directedText(task.directed) },
              { key: 'bureau', label: '实施单位', children: bureaus.nameOf(task.executingBureauId) },
              { key: 'window', label: '检查时间', children: windowText(task.windowFrom, task.windowTo) },
              { key: 'items', label: '抽查事项', span: 'filled', children: task.items.map((i) => i.name).join('、') },
              {
                key: 'matching',
                label: '人员匹配',
                span: 'filled',
                children: `每个对象 ${task.matching.teamSize} 名执法人员${task.matching.expertsPerTarget ? `、${task.matching.expertsPerTarget} 名专家` : ''}${task.matching.maxPerInspector ? `；每人至多 ${task.matching.maxPerInspector} 户` : ''}${task.matching.avoidLastPair ? '；避免上次同组' : ''}${task.matching.matchRegion ? '；按区域匹配' : ''}`,
              },
              { key: 'ratios', label: '抽查比例', span: 'filled', children: `默认 ${bpText(task.ratios.defaultBp)}${overrides ? `，${overrides} 个分层单独设置` : ''}` },
            ]}
          />
        </Card>
      </Col>
      {open ? (
        <Col xs={24} xl={10}>
          <Card title="抽查范围预览" size="small" style={{ height: '100%' }} data-testid="draw-preview">
            <div style={{ display: 'grid', gap: 8 }}>
              <PopulationSummary preview={preview.data} error={preview.error} />
              <Table
                rowKey="stratum"
                size="small"
                pagination={false}
                dataSource={strata}
                scroll={{ y: 220 }}
                locale={{ emptyText: '没有检查对象' }}
                columns={[
                  { title: '分层', dataIndex: 'stratum', render: (s: StratumKey) => stratumLabel(s) },
                  { title: '对象数', dataIndex: 'size', width: 80, align: 'right' },
                  { title: '比例', dataIndex: 'ratioBp', width: 80, align: 'right', render: (bp: number) => bpText(bp) },
                  { title: '应抽数', dataIndex: 'sampleSize', width: 80, align: 'right' },
                ]}
              />
            </div>
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}
