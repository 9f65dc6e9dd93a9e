/** Row types of training: courses, sessions, their audiences and attendance (issue #13). */
export interface TrainingCoursesTable {
  id: string;
  municipality_id: string;
  title: string;
  sort_key: string;
  topic: string;
  responsible_role: string | null;
  responsible_department_id: string | null;
  system_id: string | null;
  recurrence_months: number | null;
  mandatory: number;
  description: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingCourseAudiencesTable {
  municipality_id: string;
  course_id: string;
  department_id: string;
}

export interface TrainingSessionsTable {
  id: string;
  municipality_id: string;
  course_id: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  trainer_person_id: string | null;
  system_id: string | null;
  capacity: number | null;
  registered_count: number;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingSessionAudiencesTable {
  municipality_id: string;
  session_id: string;
  department_id: string;
}

/** One person at one session; course, topic and the session's day copied for the history and the rules. */
export interface TrainingAttendancesTable {
  id: string;
  municipality_id: string;
  session_id: string;
  course_id: string;
  topic: string;
  person_id: string;
  session_date: string;
  status: string;
  recorded_at: string | null;
  recorded_by_person_id: string | null;
  recorded_by_name: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingDatabase {
  training_courses: TrainingCoursesTable;
  training_course_audiences: TrainingCourseAudiencesTable;
  training_sessions: TrainingSessionsTable;
  training_session_audiences: TrainingSessionAudiencesTable;
  training_attendances: TrainingAttendancesTable;
}
