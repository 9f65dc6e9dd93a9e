/**
 * A notice's acknowledgement deadline, computed one way for the notices' own pages and the IT
 * unit's to-do list: the pack's working days after the Swedish day it was created, Swedish public
 * holidays excluded (ITP-4.2.2-CHANGE-NOTICE).
 */
import { swedishToday } from '../../platform/calendar.ts';
import { swedishHolidays } from '../../platform/swedish-holidays.ts';
import { readParameter, type PolicyParameters } from '../../policy/policy-pack.ts';
import { addWorkingDays } from '../../policy/working-days.ts';
import type { NoticeTerms } from './change-notices.repository.ts';

/** The pack's limit in working days; a pack from before the parameter existed means five. */
export function acknowledgeWithinWorkingDays(parameters: PolicyParameters): number {
  return parameters.changeNoticeAcknowledgeWorkingDays ? readParameter(parameters, 'changeNoticeAcknowledgeWorkingDays') : 5;
}

export function holidaysAround(today: string): Set<string> {
  const year = Number(today.slice(0, 4));
  return new Set(swedishHolidays(year - 1, year));
}

export function noticeTermsOn(today: string, workingDays: number): NoticeTerms {
  const holidays = holidaysAround(today);
  return { today, acknowledgeBy: (createdAt) => addWorkingDays(swedishToday(new Date(createdAt)), workingDays, holidays) };
}
