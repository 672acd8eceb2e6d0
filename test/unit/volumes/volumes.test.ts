import { describe, expect, it } from 'vitest';
import { custodyBureau, defaultRetention, isComplete, orderEntries, pageRange, titlePatternProblems, volumeChecklist, volumeTitle, type ChecklistFacts, type VolumeDocType } from '../../../shared/domain/volumes/volumes';

const complete: ChecklistFacts = {
  methods: ['on_site'],
  docTypes: new Set<VolumeDocType>(['notice', 'service_proof', 'register']),
  signing: { status: 'signed', witnessName: null },
  reviewed: true,
  published: true,
  corrections: [],
};
const missing = (f: Partial<ChecklistFacts>) => volumeChecklist({ ...complete, ...f }).filter((i) => i.status === 'missing').map((i) => i.key);

describe('volume checklist', () => {
  it.each([
    ['complete on-site inspection', {}, []],
    ['nothing in the volume', { docTypes: new Set<VolumeDocType>() }, ['notice', 'service_proof', 'register']],
    ['signing not recorded', { signing: null }, ['register_signed']],
    ['refused with a witness', { signing: { status: 'refused', witnessName: '李四' } }, []],
    ['refused without a witness', { signing: { status: 'refused', witnessName: null } }, ['register_signed']],
    ['written check: no register needed', { methods: ['written'], docTypes: new Set<VolumeDocType>(['notice', 'service_proof']), signing: null }, []],
    ['not reviewed, not published', { reviewed: false, published: false }, ['result_reviewed', 'publication']],
    ['correction without order or recheck', { corrections: [{ status: 'open', recheckOn: null }] }, ['correction_order', 'recheck']],
    ['correction rechecked', { docTypes: new Set<VolumeDocType>(['notice', 'service_proof', 'register', 'order', 'recheck']), corrections: [{ status: 'corrected', recheckOn: '2026-04-01' }] }, []],
    ['correction handed over', { docTypes: new Set<VolumeDocType>(['notice', 'service_proof', 'register', 'order']), corrections: [{ status: 'handed_over', recheckOn: null }] }, []],
  ] as [string, Partial<ChecklistFacts>, string[]][])('%s', (_name, facts, expected) => {
    expect(missing(facts)).toEqual(expected);
    expect(isComplete(volumeChecklist({ ...complete, ...facts }))).toBe(expected.length === 0);
  });

  it('labels every item in Chinese and explains a refusal', () => {
    const items = volumeChecklist({ ...complete, signing: { status: 'absent', witnessName: '王五' }, corrections: [{ status: 'open', recheckOn: null }] });
    for (const item of items) expect(item.label).toMatch(/[\u4e00-\u9fff]/);
    expect(items.find((i) => i.key === 'register_signed')?.note).toBe('当事人不在场，见证人：王五');
    expect(items.find((i) => i.key === 'recheck')?.note).toBe('1 项责令改正尚未复查');
  });
});

describe('volume order', () => {
  const e = (id: number, docType: VolumeDocType, docDate: string | null, position: number | null = null) => ({ id, docType, docDate, position });
  it('follows the binding order of §3.7, then date, then the order added', () => {
    const order = orderEntries([e(1, 'evidence', '2026-03-01'), e(2, 'register', '2026-03-05'), e(3, 'notice', '2026-03-04'), e(4, 'evidence', '2026-02-01'), e(5, 'other', null), e(6, 'evidence', null), e(7, 'service_proof', '2026-03-04')]);
    expect(order.map((x) => x.id)).toEqual([3, 7, 2, 4, 1, 6, 5]);
  });
  it('keeps stored positions and appends entries added after a reorder in the default order', () => {
    const order = orderEntries([e(1, 'notice', null, 2), e(2, 'register', null, 1), e(3, 'other', null), e(4, 'evidence', null)]);
    expect(order.map((x) => x.id)).toEqual([2, 1, 4, 3]);
  });
});

describe('retention and page ranges', () => {
  it('is 10 years without a problem, 30 with one or with corrections', () => {
    expect(defaultRetention(['no_problem'], false)).toBe('D10');
    expect(defaultRetention(['unpublished_info'], false)).toBe('D30');
    expect(defaultRetention(['corrected'], false)).toBe('D30');
    expect(defaultRetention(['no_problem'], true)).toBe('D30');
  });
  it('prints one page, a range, or a dash', () => {
    expect([pageRange(5, 1), pageRange(5, 3), pageRange(null, 0)]).toEqual(['5', '5–7', '—']);
  });

});

describe('volumes opened by hand and 案卷题名 patterns', () => {
  it('checks a volume opened by hand by its documents: source, notice, proof, register, publication; a re-check once an order is filed', () => {
    const byHand = (types: VolumeDocType[]) => volumeChecklist({ methods: [], docTypes: new Set(types), signing: null, reviewed: false, published: false, corrections: [], byHand: true });
    expect(byHand([]).map((i) => i.key)).toEqual(['basis', 'notice', 'service_proof', 'register', 'publication']);
    expect(isComplete(byHand(['task_list', 'notice', 'service_proof', 'register', 'publication']))).toBe(true);
    expect(byHand(['task_list', 'notice', 'service_proof', 'register', 'publication', 'order']).filter((i) => i.status === 'missing').map((i) => i.key)).toEqual(['recheck']);
    expect(isComplete(byHand(['task_list', 'notice', 'service_proof', 'register', 'publication', 'order', 'recheck']))).toBe(true);
  });
  it('keeps the volume at the 登记机关 only when every item says so and the target has one', () => {
    const target = { registrationBureauId: 1, territorialBureauId: 2 };
    expect(custodyBureau(['registration'], target)).toEqual({ bureauId: 1, rule: 'registration' });
    expect(custodyBureau(['registration', 'territorial'], target)).toEqual({ bureauId: 2, rule: 'territorial' });
    expect(custodyBureau([], target)).toEqual({ bureauId: 2, rule: 'territorial' });
    expect(custodyBureau(['registration'], { registrationBureauId: null, territorialBureauId: 2 })).toEqual({ bureauId: 2, rule: 'territorial' });
  });
  it('fills the pattern and checks it', () => {
    expect(volumeTitle(' 沈阳甲有限公司 ')).toBe('关于对沈阳甲有限公司的双随机抽查检查专卷');
    expect(volumeTitle('沈阳甲有限公司', 'referral', '{年度}年度{对象名称}（{检查来源}）', 2026)).toBe('2026年度沈阳甲有限公司（转办交办）');
    expect(volumeTitle('甲'.repeat(400))).toHaveLength(300);
    expect(titlePatternProblems('关于对{对象名称}的{检查来源}检查专卷')).toEqual([]);
    expect(titlePatternProblems('{名称}检查专卷{')).toEqual(['未知的占位符 {名称}', '缺少 {对象名称}', '花括号不成对']);
    expect(titlePatternProblems(`{对象名称}${'卷'.repeat(100)}`)).toEqual(['过长（最多 100 字）']);
  });
});
