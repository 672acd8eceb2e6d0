import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { VolumeEntryDto } from '../../../shared/contract/volumes';
import type { VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { DOC_TYPE_OPTIONS } from './volume-labels';

export type MetadataValues = { docType: VolumeDocType; docNo?: string; responsible?: string; title?: string; docDate?: Dayjs | null; remark?: string };

export const METADATA_FIELDS = ['docType', 'docNo', 'responsible', 'title', 'docDate', 'remark'] as const;

const orNull = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);

export function metadataInput(v: MetadataValues) {
  return { docType: v.docType, docNo: orNull(v.docNo), responsible: orNull(v.responsible), title: orNull(v.title), docDate: v.docDate ? v.docDate.format('YYYY-MM-DD') : null, remark: orNull(v.remark) };
}

export function metadataValues(e: VolumeEntryDto): MetadataValues {
  return { docType: e.docType, docNo: e.docNo ?? '', responsible: e.responsible ?? '', title: e.title ?? '', docDate: e.docDate ? dayjs(e.docDate) : null, remark: e.remark ?? '' };
}

/** 著录项: type, 文号, 责任者, 题名, 日期, 备注. A generated document keeps its own 文号 … 日期 (only type and 备注 change). */
export function EntryMetadataFields({ generated = false }: { generated?: boolean }) {
  return (
    <>
      <Form.Item name="docType" label="文件类型" rules={[{ required: true, message: '请选择文件类型' }]}>
        <Select options={DOC_TYPE_OPTIONS} data-testid="entry-doc-type" aria-label="文件类型" />
      </Form.Item>
      <Form.Item name="docNo" label="文号">
        <Input maxLength={100} disabled={generated} data-testid="entry-doc-no" />
      </Form.Item>
      <Form.Item name="responsible" label="责任者" extra={generated ? undefined : '制发文件的单位或个人'}>
        <Input maxLength={200} disabled={generated} data-testid="entry-responsible" />
      </Form.Item>
      <Form.Item name="title" label="题名" extra={generated ? undefined : '没有题名的文件留空，目录中按拟写题名以 [ ] 标示'}>
        <Input maxLength={300} disabled={generated} data-testid="entry-title" />
      </Form.Item>
      <Form.Item name="docDate" label="日期">
        <DatePicker disabled={generated} style={{ width: 180 }} data-testid="entry-date" />
      </Form.Item>
      <Form.Item name="remark" label="备注" style={{ marginBottom: 0 }}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="entry-remark" />
      </Form.Item>
    </>
  );
}
