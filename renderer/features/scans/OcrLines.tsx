import { Empty, Typography } from 'antd';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ScanPageDto } from '../../../shared/contract/scans';
import { REVIEW_CONFIDENCE } from './scan-labels';

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** Chinese words join without a space; Latin words and numbers keep one. */
const gap = (a: string, b: string) => (CJK.test(a.slice(-1)) || CJK.test(b.slice(0, 1)) ? '' : ' ');

/** OCR's lines, words under the review threshold marked; a line chosen here is outlined on the image. */
export function OcrLines({ page, selected, onSelect }: { page: ScanPageDto; selected: number | null; onSelect(index: number): void }) {
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (selected === null) return;
    list.current?.querySelector<HTMLElement>(`[data-line="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  if (page.lines.length === 0) {
    const why = page.textSource === 'pdf' ? '本页文字取自 PDF 自带的文字层，没有逐字识别结果。' : page.status === 'failed' ? '本页未能识别，可在下方直接录入文字。' : page.status === 'pending' ? '正在识别…' : '本页没有识别出文字。';
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={why} />;
  }

  const move = (event: KeyboardEvent, index: number) => {
    const to = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : null;
    if (to === null || to < 0 || to >= page.lines.length) return;
    event.preventDefault();
    list.current?.querySelector<HTMLElement>(`[data-line="${to}"]`)?.focus();
    onSelect(to);
  };

  return (
    <div ref={list} role="listbox" aria-label="识别结果" data-testid="ocr-lines">
      {page.lines.map((line, i) => (
        <button
          key={i}
          type="button"
          role="option"
          aria-selected={selected === i}
          className={`cb-scan-line${selected === i ? ' cb-scan-line-active' : ''}`}
          onClick={() => onSelect(i)}
          onKeyDown={(e) => move(e, i)}
          data-line={i}
          data-testid="ocr-line"
        >
          {line.words.length === 0
            ? line.text
            : line.words.map((w, wi) => (
                <span key={wi}>
                  {wi > 0 ? gap(line.words[wi - 1]?.text ?? '', w.text) : ''}
                  {w.confidence < REVIEW_CONFIDENCE ? (
                    <span className="cb-scan-low" title={`置信度 ${w.confidence}`} data-testid="ocr-word-low">
                      {w.text}
                    </span>
                  ) : (
                    w.text
                  )}
                </span>
              ))}
          {line.confidence !== null && line.confidence < REVIEW_CONFIDENCE ? <Typography.Text type="warning" style={{ fontSize: 12, marginInlineStart: 6 }}>（{line.confidence}）</Typography.Text> : null}
        </button>
      ))}
    </div>
  );
}
