import { describe, expect, it } from 'vitest';
import { uuidFrom } from '../../../electron/core/transfers/transfer-export';
import { toXml } from '../../../electron/core/transfers/transfer-format';

describe('transfer package formats', () => {
  it.each([
    [Buffer.alloc(16, 0), '00000000-0000-4000-8000-000000000000'],
    [Buffer.alloc(16, 0xff), 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
  ])('package ids are RFC 4122 v4 from the injected random bytes', (bytes, id) => {
    expect(uuidFrom(bytes)).toBe(id);
  });

  it('writes metadata as XML with escaped text, arrays as <item>, null as an empty element', () => {
    expect(toXml('volume', { title: '甲 & <乙>', entries: [{ seq: 1 }], remark: null, 'doc-no': '"x"' })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<volume>\n  <title>甲 &amp; &lt;乙&gt;</title>\n  <entries>\n    <item>\n      <seq>1</seq>\n    </item>\n  </entries>\n  <remark/>\n  <doc_no>&quot;x&quot;</doc_no>\n</volume>\n',
    );
  });
});
