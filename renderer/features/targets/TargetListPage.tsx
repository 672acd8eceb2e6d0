import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table, type InputRef } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { SUBJECT_KINDS, type SubjectKind } from '../../../shared/domain/targets';
import { failureMessage } from '../../rpc/rpc-failure';
import { navigate } from '../../router/navigation';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { SUBJECT_KIND_SHORT } from './target-labels';
import { listStatePath, PAGE_SIZES, readListState, toListInput, type TargetListState } from './target-list-params';
import { mayEditTargets } from './target-permissions';
import { targetColumns } from './target-columns';
import { useSearchHotkey } from './use-search-hotkey';

export function TargetListPage({ params }: { params: URLSearchParams }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const state = readListState(params);
  const [draft, setDraft] = useState(state.query);
  const searchRef = useRef<InputRef>(null);
  useSearchHotkey(searchRef);

  const update = (patch: Partial<TargetListState>) => navigate(listStatePath({ ...state, page: 1, ...patch }), { replace: true });

  // Search while typing, after a short pause; `params` is in the deps so the timer sees the current filters.
  useEffect(() => {
    const current = readListState(params);
    if (draft.trim() === current.query) return;
    const timer = setTimeout(() => navigate(listStatePath({ ...current, page: 1, query: draft.trim() }), { replace: true }), 300);
    return () => clearTimeout(timer);
  }, [draft, params]);

  // Follow the address when it changes from outside (back/forward).
  useEffect(() => {
    setDraft((prev) => (prev.trim() === state.query ? prev : state.query));
  }, [state.query]);

  const list = useRpc('targets.list', toListInput(state), { placeholderData: keepPreviousData });
  const ownName = bureaus.nameOf(user.bureauId);

  return (
    <Card
      title="检查对象名录"
      data-testid="targets-page"
      extra={
        mayEditTargets(user.roles) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/targets/new')} data-testid="targets-new">
            新增检查对象
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          ref={searchRef}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={() => update({ query: draft.trim() })}
          prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
          allowClear
          placeholder="搜索名称或统一社会信用代码（Ctrl+K 或 /）"
          style={{ width: 360 }}
          data-testid="targets-search"
          aria-label="搜索名称或统一社会信用代码"
        />
        <Select
          value={state.kind ?? ''}
          onChange={(kind: SubjectKind | '') => update({ kind: kind || undefined })}
          style={{ width: 150 }}
          options={[{ value: '', label: '全部主体类型' }, ...SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_SHORT[k] }))]}
          data-testid="targets-kind-filter"
          aria-label="主体类型"
        />
        <Select
          value={state.bureauId ?? 0}
          onChange={(id: number) => update({ bureauId: id || undefined })}
          style={{ width: 280 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: 0, label: `本单位（${ownName}）` }, ...bureauOptions(bureaus.within(user.bureauId).filter((b) => b.id !== user.bureauId))]}
          data-testid="targets-bureau-filter"
          aria-label="属地单位"
        />
      </Space>
      {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table
        data-testid="targets-table"
        rowKey="id"
        size="middle"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        columns={targetColumns(bureaus.nameOf)}
        scroll={{ x: 1100 }}
        onRow={(record) => ({ onDoubleClick: () => navigate(`/targets/${record.id}`) })}
        locale={{ emptyText: state.query || state.kind ? '没有符合条件的检查对象' : '名录中还没有检查对象' }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => navigate(listStatePath({ ...state, page: pageSize === state.pageSize ? page : 1, pageSize }), { replace: true }),
        }}
      />
    </Card>
  );
}
