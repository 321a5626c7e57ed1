// The course map lays skills out by prerequisite depth: what a learner sees top to bottom.
import { describe, expect, it } from 'vitest';
import { skillLayers } from '../web/src/learner/skill-layers.js';

const ids = (layers: { id: string }[][]) => layers.map((layer) => layer.map((skill) => skill.id));

describe('skillLayers', () => {
  it('puts each skill one layer below its deepest prerequisite, in course order within a layer', () => {
    const skills = [
      { id: 'limit', prerequisites: [] },
      { id: 'rules', prerequisites: ['limit'] },
      { id: 'exp', prerequisites: ['rules'] },
      { id: 'chain', prerequisites: ['rules', 'exp'] },
      { id: 'partial', prerequisites: ['rules'] },
    ];
    expect(ids(skillLayers(skills))).toEqual([['limit'], ['rules'], ['exp', 'partial'], ['chain']]);
  });

  it('still shows every skill when a prerequisite is unknown or the graph has a cycle', () => {
    const skills = [
      { id: 'a', prerequisites: ['missing'] },
      { id: 'b', prerequisites: ['c'] },
      { id: 'c', prerequisites: ['b'] },
    ];
    expect(ids(skillLayers(skills)).flat().sort()).toEqual(['a', 'b', 'c']);
  });
});
