import { App } from 'antd';
import { useRef, useState } from 'react';
import type { StagedFileDto } from '../../../shared/contract/index';
import { useRpcClient } from '../../rpc/rpc-context';
import { failureMessage } from '../../rpc/rpc-failure';
import { isScanFile } from './scan-labels';

export type StagedScan = { key: number; name: string; size: number; state: 'staging' | 'ready' | 'failed'; staged: StagedFileDto | null; error: string | null };

/**
 * Files picked, dropped or captured for the next batch: each is staged at once (web host upload or
 * Electron path, as every import), one after another; the list shows which are ready.
 */
export function useStagedScans() {
  const client = useRpcClient();
  const { message } = App.useApp();
  const [files, setFiles] = useState<StagedScan[]>([]);
  const nextKey = useRef(1);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const patch = (key: number, change: Partial<StagedScan>) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const add = (picked: readonly File[]) => {
    const accepted = picked.filter((f) => isScanFile(f.name));
    const refused = picked.filter((f) => !isScanFile(f.name));
    if (refused.length > 0) void message.warning(`不支持的文件：${refused.map((f) => f.name).join('、')}（只能导入 JPEG、PNG、TIFF 图片或 PDF）`);
    for (const file of accepted) {
      const key = nextKey.current++;
      setFiles((list) => [...list, { key, name: file.name, size: file.size, state: 'staging', staged: null, error: null }]);
      queue.current = queue.current.then(async () => {
        try {
          patch(key, { state: 'ready', staged: await client.stageFile(file) });
        } catch (error) {
          patch(key, { state: 'failed', error: failureMessage(error) });
        }
      });
    }
  };

  return {
    files,
    add,
    remove: (key: number) => setFiles((list) => list.filter((f) => f.key !== key)),
    clear: () => setFiles([]),
    busy: files.some((f) => f.state === 'staging'),
    readyIds: files.flatMap((f) => (f.state === 'ready' && f.staged ? [f.staged.id] : [])),
  };
}
