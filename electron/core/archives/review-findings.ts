import type { InspectionDto, VolumeDto } from '../../../shared/contract';
import { AUTO_FINDING_LABELS, type AutoFinding, type AutoFindingKey, type FindingStatus } from '../../../shared/domain/archives/archives';
import { FOLLOW_UP_MEASURE_LABELS, NON_PUBLIC_REASON_LABELS, RESULT_CATEGORY_LABELS, RESULT_NEEDS_FOLLOW_UP } from '../../../shared/domain/inspections/inspections';
import type { Database } from '../db/database';
import type { CustodyRule } from '../../../shared/domain/items';
import { custodyBureau } from '../../../shared/domain/volumes/volumes';

const DEADLINE_LABELS = { entry: '结果录入', publication: '结果公示', order_publication: '责令改正公示', correction: '整改期限' } as const;

const finding = (key: AutoFindingKey, status: FindingStatus, notes: string[] = []): AutoFinding => ({ key, label: AUTO_FINDING_LABELS[key], status, notes });

/** Art. 8: the bureau that should keep the volume — the target's 登记机关 when every item of the task says so, else its 属地 bureau. */
export async function expectedCustody(db: Database, volumeId: number): Promise<{ bureauId: number; rule: 'registration' | 'territorial' } | null> {
  const row = await db.get<{ task_id: number | null; custody_rule: CustodyRule | null; registration_bureau_id: number | null; territorial_bureau_id: number }>(
    'SELECT v.task_id, v.custody_rule, t.registration_bureau_id, t.territorial_bureau_id FROM volumes v JOIN targets t ON t.id = v.target_id WHERE v.id = ?',
    [volumeId],
  );
  if (!row) return null;
  const target = { registrationBureauId: row.registration_bureau_id, territorialBureauId: row.territorial_bureau_id };
  // One opened by hand keeps the rule of the items named at opening; a drawn volume follows its task's items.
  if (row.task_id === null) return custodyBureau(row.custody_rule === null ? [] : [row.custody_rule], target);
  const rules = await db.all<{ custody_rule: CustodyRule }>('SELECT i.custody_rule FROM task_items ti JOIN items i ON i.id = ti.item_id WHERE ti.task_id = ?', [row.task_id]);
  return custodyBureau(rules.map((r) => r.custody_rule), target);
}

function completeness(volume: VolumeDto): AutoFinding {
  const missing = volume.checklist.filter((i) => i.status === 'missing').map((i) => `缺：${i.label}${i.note ? `（${i.note}）` : ''}`);
  const incomplete = volume.bindings[0]?.incompleteReason;
  if (incomplete) missing.push(`经法制审核同意不齐全装订，理由：${incomplete}`);
  return finding('completeness', volume.checklist.every((i) => i.status === 'ok') ? 'ok' : 'problem', missing);
}

function deadlines(inspection: InspectionDto | null): AutoFinding {
  if (!inspection || inspection.deadlines.length === 0) return finding('deadlines', 'not_applicable', ['无检查期限']);
  const notes: string[] = [];
  for (const d of inspection.deadlines) {
    const label = DEADLINE_LABELS[d.kind];
    if (d.status !== 'met') notes.push(`${label}未完成（期限 ${d.due}${d.status === 'overdue' ? '，已逾期' : ''}）`);
    else if (d.metOn !== null && d.metOn > d.due) notes.push(`${label}逾期完成（期限 ${d.due}，完成于 ${d.metOn}）`);
  }
  return finding('deadlines', notes.length === 0 ? 'ok' : 'problem', notes);
}

function signatures(inspection: InspectionDto | null): AutoFinding {
  if (!inspection) return finding('signatures', 'not_applicable', ['无关联的检查']);
  if (!inspection.methods.includes('on_site') && inspection.methods.length > 0) return finding('signatures', 'not_applicable', ['非现场检查']);
  const s = inspection.signing;
  if (!s) return finding('signatures', 'problem', ['未登记当事人签字情况']);
  if (s.status === 'signed') return finding('signatures', 'ok', s.scanDocumentId === null ? ['已签字的登记表尚未扫描入卷'] : []);
  const who = s.status === 'refused' ? '当事人拒绝签字' : '当事人不在场';
  if ((s.witnessName ?? '').trim() === '') return finding('signatures', 'problem', [`${who}，但没有见证人记录`]);
  return finding('signatures', 'ok', [`${who}，见证人：${s.witnessName}`]);
}

function nonPublic(volume: VolumeDto, inspection: InspectionDto | null): AutoFinding {
  const live = volume.entries.flatMap((e) => e.marks.filter((m) => m.liftedAt === null));
  const notes: string[] = [];
  let problem = false;
  const withheld = inspection?.result?.nonPublic ?? null;
  if (withheld !== null && live.length === 0) {
    problem = true;
    notes.push(`检查结果因${NON_PUBLIC_REASON_LABELS[withheld]}不予公开，但卷内没有标记不予公开的材料`);
  }
  if (live.length > 0) {
    notes.push(`卷内有 ${live.length} 处不予公开标记`);
    if (volume.publicCopies.length === 0) {
      problem = true;
      notes.push('尚未生成公开版');
    } else if (!volume.publicCurrent) {
      problem = true;
      notes.push('公开版不是最新（装订版本或不予公开标记已变化），请重新生成');
    }
  }
  if (live.length === 0 && withheld === null) return finding('non_public', 'not_applicable', ['无不予公开材料']);
  return finding('non_public', problem ? 'problem' : 'ok', notes);
}

function custody(volume: VolumeDto, expected: { bureauId: number; rule: 'registration' | 'territorial' } | null, bureauName: (id: number) => string): AutoFinding {
  if (!expected) return finding('custody', 'problem', ['无法确定检查对象的管辖单位']);
  if (expected.bureauId === volume.custodyBureauId) return finding('custody', 'ok', [`${expected.rule === 'registration' ? '登记机关' : '属地'}：${volume.custodyBureauName}`]);
  return finding('custody', 'problem', [`保管单位为${volume.custodyBureauName}，按${expected.rule === 'registration' ? '登记机关' : '属地'}管辖应为${bureauName(expected.bureauId)}`]);
}

function resultFollowUp(inspection: InspectionDto | null): AutoFinding {
  const result = inspection?.result ?? null;
  if (!inspection || !result) return finding('result_follow_up', 'problem', ['没有检查结果']);
  const notes: string[] = [];
  const needs = result.categories.some((c) => RESULT_NEEDS_FOLLOW_UP[c]);
  const noneNeeded = result.measures.length === 1 && result.measures[0] === 'none_needed';
  const labels = result.categories.map((c) => RESULT_CATEGORY_LABELS[c]).join('、');
  if (needs && (result.measures.length === 0 || result.measures.includes('none_needed'))) notes.push(`结果为“${labels}”，须采取后续处置措施，但记录为“${FOLLOW_UP_MEASURE_LABELS.none_needed}”`);
  if (!needs && !noneNeeded && !result.categories.includes('corrected')) notes.push(`结果为“${labels}”，无需后续处置，但记录了处置措施`);
  if (needs && inspection.followUpStatus !== 'closed') notes.push('后续处置尚未完结（须记录完结日期后归档）');
  if (result.categories.includes('corrected') && inspection.corrections.length === 0) notes.push('结果为“发现问题已责令改正”，但没有责令改正记录');
  if (result.measures.includes('order_correction') && inspection.corrections.length === 0) notes.push('处置措施为责令改正，但没有责令改正记录');
  return finding('result_follow_up', notes.length === 0 ? 'ok' : 'problem', notes);
}

/** The automatic findings of the legal review (法制审核), from the volume as it is now and its inspection. */
export function reviewFindings(
  volume: VolumeDto,
  inspection: InspectionDto | null,
  custodyExpected: { bureauId: number; rule: 'registration' | 'territorial' } | null,
  bureauName: (id: number) => string,
): AutoFinding[] {
  return [completeness(volume), deadlines(inspection), signatures(inspection), nonPublic(volume, inspection), custody(volume, custodyExpected, bureauName), resultFollowUp(inspection)];
}
