import { App } from 'antd';
import { useEffect, useState } from 'react';
import type { ScanPageDto } from '../../../shared/contract/scans';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpcMutation } from '../../rpc/use-rpc';

/**
 * The page's text being corrected: starts from the current version and starts over when another page or
 * a newer version arrives; saving stores a new version on top of the one it started from (a conflict is
 * reported, never overwritten).
 */
export function useTextDraft(page: ScanPageDto | undefined) {
  const { message } = App.useApp();
  const correct = useRpcMutation('scans.correctText');
  const [draft, setDraft] = useState(page?.text ?? '');
  const base = page ? (page.textVersion ?? page.versions[page.versions.length - 1]?.version ?? null) : null;

  useEffect(() => {
    setDraft(page?.text ?? '');
    // Only when another page or version arrives, not on every refetch.
  }, [page?.id, base]);

  const dirty = page !== undefined && draft !== page.text;

  const save = async (): Promise<boolean> => {
    if (!page || !dirty || correct.isPending) return false;
    if (base === null) {
      void message.error('页面尚未完成识别，请稍候再校对');
      return false;
    }
    try {
      const saved = await correct.mutateAsync({ pageId: page.id, baseVersion: base, text: draft });
      void message.success(`已保存为第 ${saved.textVersion ?? base + 1} 版`);
      return true;
    } catch (error) {
      void message.error(failureMessage(error));
      return false;
    }
  };

  return { draft, setDraft, dirty, save, saving: correct.isPending, reset: () => setDraft(page?.text ?? '') };
}
