/**
 * What a contract asks of the owner of a system it covers (issue #15): decide, before the last day
 * to give notice, whether the contract goes on. The entry shows `reminderDays` before that day
 * and stays, overdue, until the decision is recorded or the term has ended.
 */
import { taskId, type TaskSource } from '../../platform/task-source.ts';
import { addDays } from '../../policy/index.ts';
import { toContract } from './supplier-contracts.service.ts';
import { supplierContractsRepository } from './supplier-contracts.repository.ts';

export const contractNoticeTaskSource: TaskSource = async (database, context) => {
  const rows = await supplierContractsRepository.contractsOfOwnedSystems(database, context.municipalityId, context.headsDepartmentIds);
  return rows.flatMap((row) => {
    const contract = toContract({ ...row, systems: [], licenceIds: [] }, context.today);
    if (contract.ended || contract.noticeDecidedForTerm || addDays(contract.noticeDate, -contract.reminderDays) > context.today) return [];
    return [
      {
        id: taskId('contract_notice', row.id),
        kind: 'contract_notice' as const,
        title: row.title,
        subjectId: row.id,
        context: row.supplier_name,
        step: null,
        dueDate: contract.noticeDate,
        overdue: contract.noticeDate < context.today,
        link: `/contracts/${row.id}`,
      },
    ];
  });
};
