// Whether a learner still needs onboarding for a course: an empty profile, unless they chose "later".
import type { ApiProfile } from '../api/types.ts';

const skippedKey = (course: string) => `primer.onboarding-skipped.${course}`;

export function profileIsEmpty(profile: ApiProfile | undefined): boolean {
  return !profile || (!profile.language && !profile.background && !profile.goals && (profile.tags ?? []).length === 0);
}

export function onboardingSkipped(course: string): boolean {
  try {
    return localStorage.getItem(skippedKey(course)) === 'yes';
  } catch {
    return false;
  }
}

export function skipOnboarding(course: string) {
  try {
    localStorage.setItem(skippedKey(course), 'yes');
  } catch {
    // not remembered: onboarding shows again next visit
  }
}
