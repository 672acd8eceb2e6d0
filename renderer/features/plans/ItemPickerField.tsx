import { ItemPicker } from '../items/ItemPicker';

type Props = { value?: number[]; onChange?(ids: number[]): void; placeholder?: string; testId?: string; ariaLabel?: string };

/** ItemPicker (multiple) as a Form.Item control. */
export function ItemPickerField({ value, onChange, placeholder, testId, ariaLabel }: Props) {
  return <ItemPicker multiple value={value ?? []} onChange={(ids) => onChange?.(ids)} placeholder={placeholder} style={{ width: '100%' }} testId={testId} ariaLabel={ariaLabel} />;
}
