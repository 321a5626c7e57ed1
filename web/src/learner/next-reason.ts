// The course map's "why" for the next activity, in the learner's interface language: the server
// sends the reason as data (`next.why`); the sentence comes from the tutor's `because` phrases (the tutor says the same).
import type { TFunction } from 'i18next';
import type { NextWhy } from '../api/types.ts';

export function nextReason(why: NextWhy, t: TFunction, titles: { skill: (id: string) => string; lesson: (id: string) => string }): string | undefined {
  switch (why.code) {
    case 'review-due': {
      const key = why.days <= 0 ? 'review-today' : why.days === 1 ? 'review-yesterday' : 'review-overdue';
      return t(`tutor:because.${key}`, { skill: titles.skill(why.skill), days: why.days });
    }
    case 'remediate':
      return t('tutor:because.remediate', { skill: titles.skill(why.skill), prerequisite: titles.skill(why.prerequisite) });
    case 'reteach':
      return t('tutor:because.reteach', { skill: titles.skill(why.skill), lesson: titles.lesson(why.lesson) });
    case 'practise':
      return t('tutor:because.practise', { skill: titles.skill(why.skill), percent: Math.round(why.mastery * 100) });
    case 'first-practice':
      return t('tutor:because.first-practice', { skill: titles.skill(why.skill) });
    case 'start':
    case 'next-lesson':
    case 'next-lesson-practised':
      return t(`tutor:because.${why.code}`, { lesson: titles.lesson(why.lesson) });
    default:
      return undefined; // `finished` and `blocked` are not shown as a next step
  }
}
