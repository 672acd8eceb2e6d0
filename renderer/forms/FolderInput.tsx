import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import { useRpcClient } from '../rpc/rpc-context';
import { useRpcAction } from '../rpc/use-rpc';

type Props = {
  value?: string;
  onChange?: (value: string) => void;
  onPressEnter?: () => void;
  /** The dialog's title, e.g. "选择备份文件夹". */
  title: string;
  placeholder?: string;
  ariaLabel?: string;
  testId?: string;
  style?: React.CSSProperties;
};

/**
 * A folder path: typed, or — in the desktop shell — chosen in the system's folder dialog (选择…). The web
 * host has no system dialog (it may not even run on the user's machine), so there the path is typed only.
 * Works as a controlled input and inside a Form.Item.
 */
export function FolderInput({ value, onChange, onPressEnter, title, placeholder, ariaLabel, testId, style }: Props) {
  // Only the desktop shell's bridge reaches a process that can open a system dialog on this screen (the same
  // fact system.info reports as nativeDialogs, without a query that recounts tables after every change).
  const desktop = useRpcClient().transportKind === 'bridge';
  const pick = useRpcAction('system.pickFolder'); // changes nothing: no refresh of the cached reads
  const input = (
    <Input value={value} onChange={(e) => onChange?.(e.target.value)} onPressEnter={onPressEnter} placeholder={placeholder} className="cb-code" aria-label={ariaLabel ?? title} data-testid={testId} />
  );
  if (!desktop) return <div style={style}>{input}</div>;
  return (
    <Space.Compact style={{ width: '100%', ...style }}>
      {input}
      <Tooltip title={title}>
        <Button
          icon={<FolderOpenOutlined />}
          loading={pick.isPending}
          onClick={() => void pick.mutateAsync({ title }).then((r) => { if (r.path) onChange?.(r.path); }, () => undefined)}
          data-testid={testId ? `${testId}-pick` : undefined}
        >
          选择…
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
