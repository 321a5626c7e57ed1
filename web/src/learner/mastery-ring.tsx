// A small ring that fills with mastery (0–1). Decorative: the number is in the accessible name beside it.
export function MasteryRing({ mastery, status, size = 40 }: { mastery: number; status: string; size?: number }) {
  const radius = size / 2 - 4;
  const circumference = 2 * Math.PI * radius;
  const filled = Math.max(0, Math.min(1, mastery)) * circumference;
  return (
    <svg className={`mastery-ring mastery-${status}`} width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
      <circle className="mastery-ring-track" cx={size / 2} cy={size / 2} r={radius} fill="none" strokeWidth="4" />
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
      <text x="50%" y="50%" dominantBaseline="central" textAnchor="middle" className="mastery-ring-label">
        {Math.round(mastery * 100)}
      </text>
    </svg>
  );
}
