import { Alert, Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { LoanTable } from './LoanTable';
import { LENDING_TABS, testId, type LendingTab } from './lending-labels';

const PAGE_SIZE = 20;

/** 借阅管理 (#/lending?tab=…): requests to decide, loans out, overdue originals, everything. */
export function LendingPage({ params }: { params: URLSearchParams }) {
  const initial = LENDING_TABS.find((t) => t.key === params.get('tab'))?.key ?? 'pending';
  const [tab, setTab] = useState<LendingTab>(initial);
  const [page, setPage] = useState(1);
  const filter = LENDING_TABS.find((t) => t.key === tab)?.filter ?? {};
  const list = useRpc('lending.list', { ...filter, page, pageSize: PAGE_SIZE });
  return (
    <div style={{ display: 'grid', gap: 16 }} {...testId('lending-page')}>
      <Card title="借阅管理" size="small">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          已归档专卷的借阅：在档案记录中申请，由保管单位档案员审批。纸质借出须登记借出和归还；电子借阅在借期内可查看或导出加水印（借阅人、日期、档号）的副本——公开版，法制审核人员和保管单位档案员为完整版。每次查看和导出都记入审计日志。
        </Typography.Paragraph>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as LendingTab);
            setPage(1);
          }}
          items={LENDING_TABS.map((t) => ({ key: t.key, label: <span {...testId(`lending-tab-${t.key}`)}>{t.label}</span> }))}
        />
        {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} /> : null}
        <LoanTable
          loans={list.data?.items ?? []}
          loading={list.isLoading}
          showVolume
          pagination={{ page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: (p) => setPage(p) }}
        />
      </Card>
    </div>
  );
}
