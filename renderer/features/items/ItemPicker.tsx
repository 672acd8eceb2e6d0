import { Select } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState, type CSSProperties } from 'react';
import { useRpc } from '../../rpc/use-rpc';
import { itemLabel } from './item-labels';
import { useItemNames } from './use-item-names';

type Common = { placeholder?: string; style?: CSSProperties; testId?: string; ariaLabel?: string; disabled?: boolean; autoFocus?: boolean };
type Props =
  | (Common & { multiple: true; value: number[]; onChange(ids: number[]): void; maxCount?: number })
  | (Common & { multiple?: false; value: number | undefined; onChange(id: number | undefined): void });

/** Picks active inspection items (检查事项清单) by name, category or code; searched on the server. */
export function ItemPicker(props: Props) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useRpc('items.list', { query: query || undefined, status: 'active', pageSize: 50 }, { placeholderData: keepPreviousData, staleTime: 30_000 });
  const selected = props.multiple ? props.value : props.value === undefined ? [] : [props.value];
  const nameOf = useItemNames(selected);
  const found = list.data?.items ?? [];
  const options = [
    ...selected.filter((id) => !found.some((item) => item.id === id)).map((id) => ({ value: id, label: nameOf(id) })),
    ...found.map((item) => ({ value: item.id, label: itemLabel(item) })),
  ];
  const common = {
    options,
    style: props.style,
    placeholder: props.placeholder ?? '搜索抽查事项',
    disabled: props.disabled,
    autoFocus: props.autoFocus,
    loading: list.isFetching,
    allowClear: true,
    showSearch: { filterOption: false, onSearch: setTyped, searchValue: typed },
    notFoundContent: list.isFetching ? '正在查找…' : '没有匹配的抽查事项',
    'data-testid': props.testId,
    'aria-label': props.ariaLabel,
  };
  if (props.multiple) {
    const onChange = props.onChange;
    return <Select<number[]> {...common} mode="multiple" maxCount={props.maxCount} value={props.value} onChange={(ids) => onChange(ids)} onBlur={() => setTyped('')} />;
  }
  const onChange = props.onChange;
  return <Select<number> {...common} value={props.value} onChange={(id) => onChange(id ?? undefined)} onBlur={() => setTyped('')} />;
}
