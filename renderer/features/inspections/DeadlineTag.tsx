import { WarningOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip } from 'antd';
import type { DeadlineDto } from '../../../shared/contract/inspections';
import { CALENDAR_WARNING, countdownColor, countdownText, DEADLINE_KIND_LABELS } from './inspection-labels';

/** One deadline as a coloured countdown; a ⚠ says when the working days were counted without holiday data. */
export function DeadlineTag({ deadline, withKind = false }: { deadline: DeadlineDto; withKind?: boolean }) {
  return (
    <Space size={4} data-testid="deadline">
      <Tooltip title={`${DEADLINE_KIND_LABELS[deadline.kind]}期限：${deadline.due}`}>
        <Tag color={countdownColor(deadline)} style={{ marginInlineEnd: 0 }} data-testid="deadline-countdown">
          {withKind ? `${DEADLINE_KIND_LABELS[deadline.kind]} · ` : ''}
          {countdownText(deadline)}
        </Tag>
      </Tooltip>
      {deadline.calendarCovered ? null : (
        <Tooltip title={CALENDAR_WARNING}>
          <WarningOutlined style={{ color: '#d48806' }} aria-label={CALENDAR_WARNING} data-testid="deadline-calendar-warning" />
        </Tooltip>
      )}
    </Space>
  );
}
