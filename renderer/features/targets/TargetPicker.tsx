import { Select } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState, type CSSProperties } from 'react';
import { useRpc } from '../../rpc/use-rpc';
import { targetCode } from './target-labels';

type Props = { value: number | undefined; onChange(id: number | undefined): void; style?: CSSProperties; testId?: string; placeholder?: string };

/** Picks one target from the directory by name or credit code (searched on the server). */
export function TargetPicker({ value, onChange, style, testId, placeholder = '搜索检查对象名称或代码' }: Props) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useRpc('targets.list', { query: query || undefined, pageSize: 30 }, { placeholderData: keepPreviousData, enabled: query.length > 0 });
  const options = (query ? (list.data?.items ?? []) : []).map((t) => ({ value: t.id, label: `${t.name}（${targetCode(t)}）` }));
  return (
    <Select<number>
      value={value}
      onChange={(id) => onChange(id ?? undefined)}
      options={options}
      style={style}
      allowClear
      placeholder={placeholder}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      notFoundContent={query ? (list.isFetching ? '正在查找…' : '没有匹配的检查对象') : '输入名称或代码查找'}
      data-testid={testId}
      aria-label="检查对象"
    />
  );
}
