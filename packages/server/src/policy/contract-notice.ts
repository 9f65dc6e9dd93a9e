/**
 * A contract's notice date (uppsägningsdag), pure: the end of the term running today minus the
 * notice period, moved back to the previous working day when it falls on a weekend or a Swedish
 * public holiday (the holidays come from outside, platform/swedish-holidays.ts). An automatic
 * renewal moves the term on once its end has passed, unless notice was given. Shared by the
 * contracts module, its to-do entries and the rule ITP-7-CONTRACT-NOTICE.
 */
import { addMonths, subtractMonths } from './dates.ts';
import { addDays, workingDayOnOrBefore } from './working-days.ts';

export interface NoticeTerms {
  startsOn: string;
  endsOn: string;
  noticePeriod: { amount: number; unit: 'days' | 'weeks' | 'months' };
  automaticRenewal: boolean;
  /** How long a renewal runs; 12 months when not said. */
  renewalMonths: number | null;
  noticeDecision: 'terminate' | 'continue' | null;
  noticeDecidedOn: string | null;
}

export interface NoticeStanding {
  /** The start of the term running today (the contract's start for the first). */
  termStartsOn: string;
  currentTermEndsOn: string;
  noticeDate: string;
  /** A decision recorded within the current term (one from an earlier term does not count). */
  decided: boolean;
  /** The last term has ended and nothing renews it. */
  ended: boolean;
}

export function rawNoticeDate(termEndsOn: string, period: NoticeTerms['noticePeriod']): string {
  if (period.unit === 'months') return subtractMonths(termEndsOn, period.amount);
  return addDays(termEndsOn, -(period.unit === 'weeks' ? 7 * period.amount : period.amount));
}

export function noticeStanding(terms: NoticeTerms, today: string, holidays: ReadonlySet<string>): NoticeStanding {
  const renewal = terms.renewalMonths ?? 12;
  let termStartsOn = terms.startsOn;
  let termEndsOn = terms.endsOn;
  const renews = terms.automaticRenewal && terms.noticeDecision !== 'terminate';
  if (renews) {
    // At most a few hundred steps: a contract older than that is data to correct, not a loop to run.
    for (let step = 0; termEndsOn < today && step < 1200; step += 1) {
      termStartsOn = addDays(termEndsOn, 1);
      termEndsOn = addMonths(termEndsOn, renewal);
    }
  }
  const noticeDate = workingDayOnOrBefore(rawNoticeDate(termEndsOn, terms.noticePeriod), holidays);
  const decided = terms.noticeDecision !== null && terms.noticeDecidedOn !== null && terms.noticeDecidedOn >= termStartsOn;
  return { termStartsOn, currentTermEndsOn: termEndsOn, noticeDate, decided, ended: termEndsOn < today };
}
