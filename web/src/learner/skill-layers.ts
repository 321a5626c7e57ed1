// Lays the skill graph out in layers: a skill sits one layer below its deepest prerequisite.
// Pure, so the map's order is predictable and testable.

export interface SkillNode {
  id: string;
  prerequisites: string[];
}

/** Skills grouped by depth, in course order within a layer. Unknown prerequisites and cycles are ignored. */
export function skillLayers<T extends SkillNode>(skills: T[]): T[][] {
  const byId = new Map(skills.map((skill) => [skill.id, skill]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const skill = byId.get(id);
    if (!skill || visiting.has(id)) return -1;
    visiting.add(id);
    const value = 1 + Math.max(-1, ...skill.prerequisites.map(depthOf));
    visiting.delete(id);
    depth.set(id, value);
    return value;
  };
  const layers: T[][] = [];
  for (const skill of skills) (layers[depthOf(skill.id)] ??= []).push(skill);
  return layers.filter(Boolean);
}
