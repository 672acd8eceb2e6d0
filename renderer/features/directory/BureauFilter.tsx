import { Select } from 'antd';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';

type Props = { value: number | undefined; onChange(id: number | undefined): void; testId: string; width?: number };

/** 单位 filter of a directory: the user's own scope (default) or one bureau within it. */
export function BureauFilter({ value, onChange, testId, width = 260 }: Props) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const scope = bureaus.within(user.bureauId);
  const allLabel = scope.length > 1 ? '本单位及下级单位' : `本单位（${bureaus.nameOf(user.bureauId)}）`;
  return (
    <Select
      value={value ?? 0}
      onChange={(id: number) => onChange(id || undefined)}
      style={{ width }}
      showSearch={{ optionFilterProp: 'label' }}
      options={[{ value: 0, label: allLabel }, ...bureauOptions(scope)]}
      data-testid={testId}
      aria-label="单位"
    />
  );
}
