import { App, Button, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TargetDto } from '../../../shared/contract/targets';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { ItemPicker } from '../items/ItemPicker';
import { useItemNames } from '../items/use-item-names';

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** 分类标注: the inspection items (检查事项清单) that apply to this target. */
export function TargetTagEditor({ target, editable }: { target: TargetDto; editable: boolean }) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<number[]>(target.tags);
  const save = useRpcMutation('targets.setTags');
  const nameOf = useItemNames(target.tags);
  const changed = !same(draft, target.tags);

  if (!editable) {
    return target.tags.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未标注适用的抽查事项" />
    ) : (
      <Space wrap size={[4, 8]} data-testid="target-tags">
        {target.tags.map((id) => (
          <Tag key={id} color="blue">
            {nameOf(id)}
          </Tag>
        ))}
      </Space>
    );
  }

  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="target-tags">
      <Typography.Text type="secondary">标注该检查对象适用的抽查事项，随机抽取时可按事项筛选检查对象。</Typography.Text>
      <ItemPicker multiple maxCount={500} value={draft} onChange={setDraft} style={{ width: '100%' }} placeholder="搜索并选择抽查事项" testId="target-tags-picker" ariaLabel="分类标注" />
      <Space>
        <Button
          type="primary"
          size="small"
          disabled={!changed}
          loading={save.isPending}
          data-testid="target-tags-save"
          onClick={() =>
            // mutateAsync, not mutate's callbacks: the saved target's new version re-keys (remounts) this
            // editor, and TanStack drops the callbacks of an unmounted observer — the toast would be lost.
            void save.mutateAsync({ id: target.id, itemIds: draft }).then(
              () => void message.success('分类标注已保存'),
              (e: unknown) => void message.error(failureMessage(e)),
            )
          }
        >
          保存标注
        </Button>
        {changed ? (
          <Button size="small" onClick={() => setDraft(target.tags)}>
            撤销
          </Button>
        ) : null}
      </Space>
    </div>
  );
}
