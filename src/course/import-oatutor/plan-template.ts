// OATutor variabilization → a Primer template. OATutor lists the values of each variable per
// variant and picks one variant index for all variables at once, so `b` and `ans` stay paired
// (`b = 9` goes with `ans = 3`). Primer draws each variable from its own list; when the pairs
// matter we add a constraint that admits exactly OATutor's variants.

export type TemplateValue = number | string;

export interface TemplatePlan {
  variables: Record<string, { choices: TemplateValue[] }>;
  constraints: string[];
  variants: Record<string, TemplateValue>[]; // OATutor's variants, in order
}

/** `variants` is set when OATutor's variants are known but Primer cannot draw them faithfully. */
export type TemplatePlanResult = { ok: true; plan: TemplatePlan } | { ok: false; reason: string; variants?: Record<string, TemplateValue>[] };

// Primer redraws up to 100 times until the constraints hold; below this share of admissible draws
// some of 1,000 seeds would find no variant at all.
const minAdmissibleShare = 0.15;

const namePattern = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The names written as `@{name}` in any of the texts. */
export function variablesUsed(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/@\{\s*([^{}]+?)\s*\}/g)) names.add(match[1]!);
  return [...names].sort();
}

function toValue(raw: string): TemplateValue {
  const text = raw.replace(/\$\$/g, '').trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function equals(name: string, value: TemplateValue): string {
  return typeof value === 'number' ? `${name} == ${value}` : `equalText(${name}, ${JSON.stringify(value)})`;
}

export function planTemplate(variabilization: Readonly<Record<string, readonly string[]>>, used: readonly string[]): TemplatePlanResult {
  const missing = used.filter((name) => !(name in variabilization) || variabilization[name]!.length === 0);
  if (missing.length > 0) return { ok: false, reason: `the text uses @{${missing.join('}, @{')}} but no values are given for it` };
  const bad = used.filter((name) => !namePattern.test(name));
  if (bad.length > 0) return { ok: false, reason: `variable name "${bad[0]}" is not a valid template variable name` };

  const count = Math.max(...used.map((name) => variabilization[name]!.length));
  const variants: Record<string, TemplateValue>[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const variant: Record<string, TemplateValue> = {};
    for (const name of used) {
      const values = variabilization[name]!;
      variant[name] = toValue(values[index % values.length]!);
    }
    const key = JSON.stringify(variant);
    if (!seen.has(key)) variants.push(variant);
    seen.add(key);
  }

  const variables: TemplatePlan['variables'] = {};
  for (const name of used) {
    const choices: TemplateValue[] = [];
    for (const variant of variants) if (!choices.includes(variant[name]!)) choices.push(variant[name]!);
    variables[name] = { choices };
  }
  const combinations = Object.values(variables).reduce((product, v) => product * v.choices.length, 1);
  if (used.length > 1 && combinations !== variants.length && variants.length / combinations < minAdmissibleShare) {
    return { ok: false, reason: `its ${used.length} variables are paired in ${variants.length} of ${combinations} combinations, too few for Primer's random draws`, variants };
  }
  const constraints =
    used.length > 1 && combinations !== variants.length
      ? [variants.map((variant) => `(${used.map((name) => equals(name, variant[name]!)).join(' and ')})`).join(' or ')]
      : [];
  return { ok: true, plan: { variables, constraints, variants } };
}
