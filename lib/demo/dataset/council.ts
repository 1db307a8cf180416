import type { DatasetCouncil } from '@/lib/validation/dataset';
import { DAY_MS, fromTime, type Random } from './random';

/** The last Thursday of a month: the expert council's meeting day. */
function lastThursday(year: number, month: number): string {
  let time = Date.UTC(year, month, 0);
  while (new Date(time).getUTCDay() !== 4) time -= DAY_MS;
  return fromTime(time);
}

export type Meeting = { number: number; date: string };

/** Monthly meetings on the last Thursday, none in August; numbered from the first. */
export function councilCalendar(firstYear: number, firstMonth: number, lastYear: number): Meeting[] {
  const meetings: Meeting[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (let month = year === firstYear ? firstMonth : 1; month <= 12; month++) {
      if (month === 8) continue;
      meetings.push({ number: meetings.length + 1, date: lastThursday(year, month) });
    }
  }
  return meetings;
}

export function councilDecision(random: Random, meeting: Meeting, decision: DatasetCouncil['decision']): DatasetCouncil {
  const present = random.int(6, 9);
  let votesFor: number;
  let votesAgainst: number;
  if (decision === 'approved') {
    votesAgainst = random.int(0, 1);
    votesFor = present - votesAgainst - random.int(0, 1);
  } else if (decision === 'rejected') {
    votesFor = random.int(0, 2);
    votesAgainst = present - votesFor - random.int(0, 1);
  } else {
    votesFor = random.int(1, 3);
    votesAgainst = random.int(1, 3);
  }
  return {
    decidedOn: meeting.date,
    decision,
    meetingNumber: meeting.number,
    votesFor,
    votesAgainst,
    votesAbstain: present - votesFor - votesAgainst,
  };
}
