import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space } from 'antd';
import { useState } from 'react';
import { navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { DirectoryTable } from '../directory/DirectoryTable';
import { SearchBox } from '../directory/SearchBox';
import { volumeColumns } from './volume-columns';
import { OpenVolumeModal } from './OpenVolumeModal';
import { VOLUME_STATUS_OPTIONS, volumePermissions } from './volume-labels';
import { readVolumeListState, toVolumeListInput, volumeListPath, type VolumeListState } from './volume-list-params';

/**
 * 抽查专卷: one volume per drawn target, plus volumes opened by hand for complaint- or referral-driven
 * inspections (custody bureau and inspecting bureau may differ); filters live in the address.
 */
export function VolumeListPage({ params }: { params: URLSearchParams }) {
  const user = useCurrentUser();
  const [opening, setOpening] = useState(false);
  const state = readVolumeListState(params);
  const list = useRpc('volumes.list', toVolumeListInput(state), { placeholderData: keepPreviousData });
  const update = (patch: Partial<VolumeListState>) => navigate(volumeListPath({ ...state, page: 1, ...patch }), { replace: true });
  const filtered = Boolean(state.status || state.q);

  return (
    <Card
      title="抽查专卷"
      data-testid="volumes-page"
      extra={
        volumePermissions(user.roles).edit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="volumes-open">
            新建专卷
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox query={state.q ?? ''} onSearch={(q) => update({ q: q || undefined })} placeholder="案卷题名、对象名称或信用代码" testId="volumes-search" />
        <Select
          value={state.status ?? ''}
          onChange={(status: VolumeListState['status'] | '') => update({ status: status || undefined })}
          style={{ width: 120 }}
          options={[{ value: '', label: '全部状态' }, ...VOLUME_STATUS_OPTIONS]}
          data-testid="volumes-status-filter"
          aria-label="状态"
        />
      </Space>
      {list.error ? <Alert type="error" showIcon title={failureMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <DirectoryTable
        testId="volumes-table"
        columns={volumeColumns()}
        page={list.data}
        loading={list.isFetching && !list.data}
        current={state.page}
        pageSize={state.pageSize}
        onPageChange={(page, pageSize) => navigate(volumeListPath({ ...state, page, pageSize }), { replace: true })}
        onOpen={(row) => navigate(`/volumes/${row.id}`)}
        emptyText={filtered ? '没有符合条件的专卷' : '还没有专卷：摇号完成后，每个抽中的对象建立一卷；投诉举报、转办交办的检查可点“新建专卷”'}
        chrome={300}
      />
      <OpenVolumeModal open={opening} onClose={() => setOpening(false)} />
    </Card>
  );
}
