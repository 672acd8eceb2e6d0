import { App, Button, InputNumber, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';
import { dateTimeText } from '../inspections/inspection-labels';

type Schedule = { bureauId: number; fixityIntervalDays: number | null; lastFixityAt: string | null; nextFixityAt: string | null };

/**
 * 定期四性检测 (DA/T 70: at archiving, periodically, before transfer): every N days for the bureau and those
 * under it, off by default. The app starts a due check itself (at start and every hour) as a normal job.
 */
export function FixityScheduleForm({ settings: s, isAdmin }: { settings: Schedule; isAdmin: boolean }) {
  const { message } = App.useApp();
  const update = useRpcMutation('archives.updateFixitySchedule');
  const [on, setOn] = useState(s.fixityIntervalDays !== null);
  const [days, setDays] = useState<number>(s.fixityIntervalDays ?? 30);
  useEffect(() => {
    setOn(s.fixityIntervalDays !== null);
    setDays(s.fixityIntervalDays ?? 30);
  }, [s.fixityIntervalDays, s.bureauId]);
  const dirty = (on ? days : null) !== s.fixityIntervalDays;

  const save = async () => {
    try {
      const saved = await update.mutateAsync({ bureauId: s.bureauId, intervalDays: on ? days : null });
      void message.success(saved.fixityIntervalDays === null ? '已关闭定期四性检测' : `已设置每 ${saved.fixityIntervalDays} 天检测一次`);
    } catch (error) {
      void message.error(failureMessage(error));
    }
  };

  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="fixity-schedule">
      <Typography.Text strong>定期四性检测</Typography.Text>
      <Space wrap>
        <Switch checked={on} onChange={setOn} disabled={!isAdmin} aria-label="定期四性检测" data-testid="fixity-schedule-on" />
        <span>每</span>
        <InputNumber min={1} max={3650} precision={0} value={days} onChange={(v) => setDays(v ?? 30)} disabled={!isAdmin || !on} style={{ width: 90 }} aria-label="间隔天数" data-testid="fixity-schedule-days" />
        <span>天检测一次本单位及下级单位的全部已装订专卷</span>
        {isAdmin ? (
          <Button type="primary" size="small" disabled={!dirty} loading={update.isPending} onClick={() => void save()} data-testid="fixity-schedule-save">
            保存
          </Button>
        ) : null}
      </Space>
      <Typography.Text type="secondary" data-testid="fixity-schedule-status">
        上次全面检测：{s.lastFixityAt ? dateTimeText(s.lastFixityAt) : '无'}；
        {s.fixityIntervalDays === null ? '未开启定期检测（默认关闭）。' : `下次：${s.nextFixityAt ? dateTimeText(s.nextFixityAt) : '—'}（程序运行时到期即自动开始，作为后台任务）。`}
      </Typography.Text>
    </div>
  );
}
