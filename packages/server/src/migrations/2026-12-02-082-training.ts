import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Training (issue #13; ITP-5-SECURITY-NET, ITP-8-INFO, ITP-4.2-TRAIN-OTHERS, ITP-4.2.1-TRAIN-ADMINS).
 *
 * - training_courses: a course by topic, with who answers for it, its system (a system's own
 *   training), its recurrence in months and whether its audience must attend it.
 * - training_course_audiences / training_session_audiences: the departments a course or session
 *   is for (none: the whole municipality), as rows so the rules can join them.
 * - training_sessions: when and where, its trainer, its capacity and how many are registered
 *   (kept on the row so the capacity check is one conditional statement, safe under races).
 * - training_attendances: one person at one session (registered, attended, absent). The course,
 *   its topic (fixed once a course exists) and the session's day are copied onto the row, so a
 *   person's history, their due courses and the per-department share read one table at a million rows.
 *
 * system_id carries no foreign key: a deleted system leaves its courses' history (the name goes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('training_courses')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('sort_key', 'text', (column) => types.sortKey(column.notNull()))
    .addColumn('topic', 'text', (column) => column.notNull())
    .addColumn('responsible_role', 'text')
    .addColumn('responsible_department_id', 'text', (column) => column.references('departments.id'))
    .addColumn('system_id', 'text')
    .addColumn('recurrence_months', 'integer')
    .addColumn('mandatory', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('description', 'text')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('training_courses_title').on('training_courses').columns(['municipality_id', 'sort_key', 'id']).execute();
  await db.schema.createIndex('training_courses_system').on('training_courses').columns(['municipality_id', 'system_id']).execute();

  await db.schema
    .createTable('training_course_audiences')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('course_id', 'text', (column) => column.notNull().references('training_courses.id'))
    .addColumn('department_id', 'text', (column) => column.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('training_course_audiences_pk', ['course_id', 'department_id'])
    .execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('course_id', 'text', (column) => column.notNull().references('training_courses.id'))
    .addColumn('starts_at', types.timestamp, (column) => column.notNull())
    .addColumn('ends_at', types.timestamp, (column) => column.notNull())
    .addColumn('place', 'text')
    .addColumn('trainer_person_id', 'text', (column) => column.references('people.id'))
    .addColumn('system_id', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('registered_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('training_sessions_start').on('training_sessions').columns(['municipality_id', 'starts_at', 'id']).execute();
  await db.schema.createIndex('training_sessions_course').on('training_sessions').columns(['course_id', 'starts_at']).execute();
  await db.schema.createIndex('training_sessions_trainer').on('training_sessions').columns(['trainer_person_id']).execute();

  await db.schema
    .createTable('training_session_audiences')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('session_id', 'text', (column) => column.notNull().references('training_sessions.id'))
    .addColumn('department_id', 'text', (column) => column.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('training_session_audiences_pk', ['session_id', 'department_id'])
    .execute();

  await db.schema
    .createTable('training_attendances')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('session_id', 'text', (column) => column.notNull().references('training_sessions.id'))
    .addColumn('course_id', 'text', (column) => column.notNull().references('training_courses.id'))
    .addColumn('topic', 'text', (column) => column.notNull())
    .addColumn('person_id', 'text', (column) => column.notNull().references('people.id'))
    .addColumn('session_date', types.date, (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('recorded_at', types.timestamp)
    .addColumn('recorded_by_person_id', 'text')
    .addColumn('recorded_by_name', 'text')
    .addColumn('created_at', types.timestamp, (column) => column.notNull())
    .addColumn('updated_at', types.timestamp, (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addUniqueConstraint('training_attendances_session_person', ['session_id', 'person_id'])
    .execute();
  // A person's history (latest first) and their latest attendance of a course.
  await db.schema
    .createIndex('training_attendances_person')
    .on('training_attendances')
    .columns(['municipality_id', 'person_id', 'session_date', 'id'])
    .execute();
  // The per-department share and the rules: who attended a topic (or course) since a day.
  await db.schema
    .createIndex('training_attendances_topic')
    .on('training_attendances')
    .columns(['municipality_id', 'topic', 'status', 'session_date', 'person_id'])
    .execute();
  await db.schema
    .createIndex('training_attendances_course')
    .on('training_attendances')
    .columns(['course_id', 'status', 'person_id', 'session_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('training_attendances').execute();
  await db.schema.dropTable('training_session_audiences').execute();
  await db.schema.dropTable('training_sessions').execute();
  await db.schema.dropTable('training_course_audiences').execute();
  await db.schema.dropTable('training_courses').execute();
}
