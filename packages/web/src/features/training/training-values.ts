import type { AttendanceStatus, TrainingTopic } from '@forvalta/contracts';
import { listSearchValidator, prefixedSearchValidator, type UrlPaging } from '../../components/url-paging.ts';

// Repeated from the contracts as types only (a value import would pull zod into the first bundle).
export const trainingTopics = [
  'it_security_and_networks',
  'data_protection_and_public_access',
  'system',
  'other',
] as const satisfies readonly TrainingTopic[];
export const attendanceStatuses = ['registered', 'attended', 'absent'] as const satisfies readonly AttendanceStatus[];

/** The course list's filters and page as they stand in the address. */
export interface CourseFilters extends UrlPaging {
  q?: string;
  topic?: TrainingTopic;
  sort?: string;
}

export const validateCourseFilters = listSearchValidator<CourseFilters>({
  text: ['q'],
  choices: { topic: trainingTopics },
  sorts: ['title', '-title', 'updatedAt', '-updatedAt'],
});

/** A course page's sessions list, paged under `sessions.` in its address. */
export const validateCourseSections = prefixedSearchValidator('sessions', {});
/** A session page's attendance list: the search and the status shown, under `attendance.`. */
export const validateSessionSections = prefixedSearchValidator('attendance', { text: ['q'], choices: { status: attendanceStatuses } });
/** A person page's training history, paged under `training.`. */
export const validatePersonTraining = prefixedSearchValidator('training', {});
