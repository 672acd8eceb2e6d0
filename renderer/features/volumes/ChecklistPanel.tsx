import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import type { VolumeDto } from '../../../shared/contract/volumes';

/** 齐全性检查: each required item, ok or missing, with the core's note. */
export function ChecklistPanel({ volume: v }: { volume: VolumeDto }) {
  const missing = v.checklist.filter((i) => i.status === 'missing').length;
  return (
    <Card size="small" title="齐全性检查" extra={missing === 0 ? <Typography.Text type="success">材料齐全</Typography.Text> : <Typography.Text type="warning">缺 {missing} 项</Typography.Text>} data-testid="volume-checklist">
      <List
        size="small"
        dataSource={v.checklist}
        renderItem={(item) => (
          <List.Item data-testid={`check-${item.key}`} data-status={item.status} style={{ paddingInline: 0 }}>
            <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              {item.status === 'ok' ? <CheckCircleFilled style={{ color: '#52c41a', marginTop: 4 }} /> : <ExclamationCircleFilled style={{ color: '#faad14', marginTop: 4 }} />}
              <div>
                <Typography.Text type={item.status === 'ok' ? undefined : 'warning'}>{item.label}</Typography.Text>
                {item.status === 'missing' ? <Typography.Text type="secondary"> · 缺少</Typography.Text> : null}
                {item.note ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.note}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
