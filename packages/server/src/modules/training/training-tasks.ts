/**
 * What training asks of a person for their to-do list (issue #13): the sessions ahead they are
 * registered to, and the courses due for them by the list's horizon that they are not yet
 * registered for (a mandatory course never attended is owed now).
 */
import { swedishMidnight, swedishToday } from '../../platform/calendar.ts';
import { isOverdue, taskId, type TaskSource } from '../../platform/task-source.ts';
import { trainingFactsRepository } from './training-facts.repository.ts';

export const trainingTaskSource: TaskSource = async (database, context) => {
  // A session of today is still to attend: "ahead" counts from the start of the day.
  const startOfToday = swedishMidnight(context.today).toISOString();
  const [registered, due] = await Promise.all([
    trainingFactsRepository.upcomingRegistrations(database, context.municipalityId, context.personId, startOfToday),
    trainingFactsRepository.dueCourses(database, context.municipalityId, context.personId, context.horizon, startOfToday),
  ]);
  const sessionTasks = registered.map((session) => {
    const day = swedishToday(new Date(session.starts_at));
    return {
      id: taskId('attend_training', session.id),
      kind: 'attend_training' as const,
      title: session.title,
      subjectId: session.id,
      context: session.place,
      step: null,
      dueDate: day,
      overdue: false,
      link: `/training/sessions/${session.id}`,
    };
  });
  const registeredCourses = new Set(registered.map((session) => session.course_id));
  const courseTasks = due
    .filter((course) => !registeredCourses.has(course.courseId))
    .map((course) => ({
      id: taskId('attend_training', course.courseId),
      kind: 'attend_training' as const,
      title: course.courseTitle,
      subjectId: course.courseId,
      context: null,
      step: null,
      dueDate: course.dueOn,
      overdue: course.dueOn === null || isOverdue(course.dueOn, context.today),
      link: `/training/courses/${course.courseId}`,
    }));
  return [...sessionTasks, ...courseTasks];
};
