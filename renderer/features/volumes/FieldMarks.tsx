import { Typography } from 'antd';
import type { VolumeEntryDto } from '../../../shared/contract/volumes';
import { DOCUMENT_FIELD_LABELS, DOCUMENT_KIND_FIELDS } from '../../../shared/domain/documents/doc-fields';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/domain/documents/doc-number';
import { NonPublicMark, type ConsentOption } from './NonPublicMark';

/**
 * 不予公开 for single fields of a generated form (e.g. an individual operator's 住所): the public copy
 * re-renders the form from what it printed with those fields masked; the full version keeps them.
 */
export function FieldMarks({ entry, canMark, consentOptions }: { entry: VolumeEntryDto; canMark: boolean; consentOptions: readonly ConsentOption[] }) {
  const kind = (DOCUMENT_KINDS as readonly string[]).includes(entry.docType) ? (entry.docType as DocumentKind) : null;
  if (entry.source !== 'generated' || kind === null) return null;
  return (
    <div style={{ marginTop: 12 }} data-testid="field-marks">
      <Typography.Text type="secondary">文书栏目（公开版中重新生成本文书，标记的栏目印为“＊＊＊（依法不予公开）”）：</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: '150px 1fr', rowGap: 6, marginTop: 6, alignItems: 'center' }}>
        {DOCUMENT_KIND_FIELDS[kind].map((field) => (
          <div key={field} style={{ display: 'contents' }} data-testid={`field-mark-${field}`}>
            <Typography.Text>{DOCUMENT_FIELD_LABELS[field]}</Typography.Text>
            <NonPublicMark entryId={entry.id} pageIndex={null} field={field} marks={entry.marks} canMark={canMark} consentOptions={consentOptions} />
          </div>
        ))}
      </div>
    </div>
  );
}
