import { DownloadOutlined, DownOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { saveBase64 } from '../../files/save-file';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcAction } from '../../rpc/use-rpc';
import { useCurrentUser } from '../auth/session-context';
import { mayImport } from '../directory/directory-permissions';
import type { Directory } from './import-labels';
import { ImportWizard } from './ImportWizard';

/** 导入 (the wizard) and 下载模板 (CSV or XLSX) for a directory's toolbar. */
export function DirectoryImportTools({ directory }: { directory: Directory }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const template = useRpcAction('imports.template');

  const download = (format: 'csv' | 'xlsx') =>
    template.mutate(
      { directory, format },
      { onSuccess: ({ fileName, base64 }) => saveBase64(base64, fileName), onError: (e) => void message.error(failureMessage(e)) },
    );

  return (
    <Space.Compact>
      {mayImport(user.roles) ? (
        <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid={`${directory}-import`}>
          导入
        </Button>
      ) : null}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'xlsx', label: 'Excel 模板（XLSX，含填写说明）' },
            { key: 'csv', label: 'CSV 模板' },
          ],
          onClick: ({ key }) => download(key as 'csv' | 'xlsx'),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={template.isPending} data-testid={`${directory}-template`}>
          下载模板 <DownOutlined />
        </Button>
      </Dropdown>
      <ImportWizard directory={directory} open={open} onClose={() => setOpen(false)} />
    </Space.Compact>
  );
}
