import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import type { ExpertDto } from '../../../shared/contract/inspectors';
import { useRpc } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { useBureaus } from '../bureaus/use-bureaus';
import { DetailDrawer } from '../directory/DetailDrawer';
import { mayEditDirectories } from '../directory/directory-permissions';
import { versionStamp } from '../directory/version-stamp';
import { EXPERT_FIELD_LABELS, formatExpertValue } from './inspector-labels';
import { ExpertFormModal } from './ExpertFormModal';

/** 专家 detail with 编辑. (The backend keeps experts' changes in the audit log but offers no experts.history yet.) */
export function ExpertDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const [editing, setEditing] = useState(false);
  const expert = useRpc('experts.get', { id: id ?? 0 }, { enabled: id !== null, staleTime: 0 });
  const e = id !== null ? expert.data : undefined;

  return (
    <DetailDrawer
      testId="expert-drawer"
      id={id}
      onClose={onClose}
      size={640}
      data={e}
      error={expert.error}
      fallbackTitle="专家"
      extra={() =>
        mayEditDirectories(user.roles) ? (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="expert-edit">
            编辑
          </Button>
        ) : null
      }
    >
      {(e) => (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              ...Object.keys(EXPERT_FIELD_LABELS).map((field) => ({
                key: field,
                label: EXPERT_FIELD_LABELS[field],
                children: formatExpertValue(field, e[field as keyof ExpertDto], bureaus.nameOf),
              })),
              { key: 'updatedAt', label: '更新时间', children: versionStamp(e) },
            ]}
          />
          <Typography.Text type="secondary">专家信息的每次修改都记入审计日志。</Typography.Text>
          <ExpertFormModal expert={e} open={editing} onClose={() => setEditing(false)} />
        </>
      )}
    </DetailDrawer>
  );
}
