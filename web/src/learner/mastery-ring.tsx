// A small ring that fills with mastery (0–1). Decorative: the number is in the accessible name beside it.
// A skill with no graded answer yet shows an empty ring and a dash: its mastery is only the course's
// starting estimate, not something the learner showed (see `shownMastery`).
export function MasteryRing({ mastery, status, size = 40 }: { mastery: number | null; status: string; size?: number }) {
  const radius = size / 2 - 4;
  const circumference = 2 * Math.PI * radius;
  const filled = Math.max(0, Math.min(1, mastery ?? 0)) * circumference;
  return (
    <svg className={`mastery-ring mastery-${status}`} width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
      <circle className="mastery-ring-track" cx={size / 2} cy={size / 2} r={radius} fill="none" strokeWidth="4" />
      {mastery !== null && (
        <circle
          className="mastery-ring-fill"
          cx={size / 2}
          cy={size / 2}
          r={radius}
          fill="none"
          strokeWidth="4"
          strokeLinecap="round"
          strokeDasharray={`${filled} ${circumference}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      )}
      <text x="50%" y="50%" dominantBaseline="central" textAnchor="middle" className="mastery-ring-label">
        {mastery === null ? '–' : Math.round(mastery * 100)}
      </text>
    </svg>
  );
}

/** The mastery to show a learner: none until a graded answer on the skill (`opportunities`), since until then it is only the prior. */
export function shownMastery(skill: { mastery: number; opportunities: number }): number | null {
  return skill.opportunities > 0 ? skill.mastery : null;
}
