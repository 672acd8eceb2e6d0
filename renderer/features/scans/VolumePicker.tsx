import { keepPreviousData } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useRpc } from '../../rpc/use-rpc';

type Props = {
  /** Optional only because a Form.Item supplies them. */
  value?: number | null;
  onChange?(id: number | null): void;
  /** How to show the current value before a search has loaded it (e.g. from the document). */
  currentLabel?: string | null;
  style?: CSSProperties;
  testId?: string;
  placeholder?: string;
  disabled?: boolean;
};

/** Picks a case volume (专卷) by its title, target name or credit code, searched on the server (volumes.list q). */
export function VolumePicker({ value, onChange, currentLabel, style, testId, placeholder = '搜索案卷题名或检查对象', disabled }: Props) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useRpc('volumes.list', { q: query || undefined, pageSize: 30 }, { placeholderData: keepPreviousData });
  const options = (list.data?.items ?? []).map((v) => ({ value: v.id, label: v.title.includes(v.targetName) ? v.title : `${v.targetName} · ${v.title}` }));
  if (value != null && !options.some((o) => o.value === value)) options.unshift({ value, label: currentLabel ?? `专卷 ${value}` });
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      options={options}
      style={style}
      allowClear
      disabled={disabled}
      placeholder={placeholder}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      notFoundContent={list.isFetching ? '正在查找…' : query ? '没有匹配的专卷' : '还没有专卷'}
      popupMatchSelectWidth={false}
      data-testid={testId}
      aria-label="所属专卷"
    />
  );
}
