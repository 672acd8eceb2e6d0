import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/index';
import { useRpcClient } from '../../rpc/rpc-context';

type PageImage = MethodOutput<'scans.pageImage'>;
type Args = { id: number; size: 'thumb' | 'view'; rotation: number; textVersion: number | null; enabled?: boolean };

/**
 * A page image (data URL) fetched once per page, size, rotation and text version, and kept in the query
 * cache without an observer: the refresh that follows every change elsewhere does not re-download every
 * thumbnail, while a turned or re-recognised page (new rotation / version) gets a fresh image.
 */
export function usePageImage({ id, size, rotation, textVersion, enabled = true }: Args): { data: PageImage | undefined; error: unknown } {
  const client = useRpcClient();
  const queryClient = useQueryClient();
  const key = ['scans.pageImage.cached', id, size, rotation, textVersion] as const;
  const [state, setState] = useState<{ key: string; data?: PageImage; error?: unknown }>({ key: '' });
  const keyText = key.join(':');

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    queryClient
      .ensureQueryData({ queryKey: key, queryFn: () => client.call('scans.pageImage', { id, size }), gcTime: 10 * 60_000 })
      .then((data) => live && setState({ key: keyText, data }))
      .catch((error: unknown) => live && setState({ key: keyText, error }));
    return () => {
      live = false;
    };
    // keyText stands for the key's parts.
  }, [enabled, keyText, client, queryClient]);

  const cached = queryClient.getQueryData<PageImage>(key);
  return { data: state.key === keyText ? (state.data ?? cached) : cached, error: state.key === keyText ? state.error : undefined };
}
